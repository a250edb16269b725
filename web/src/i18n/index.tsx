import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'tdesign-react';
import enConfig from 'tdesign-react/es/locale/en_US';
import zhConfig from 'tdesign-react/es/locale/zh_CN';
import { setApiLanguage } from '../api/client';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export type { MessageKey };
const STORAGE_KEY = 'console.lang';
const tables: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

const initial = (): Lang => (localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN');

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Chinese by default; the switch is remembered in localStorage, sent to the API as Accept-Language, and refetches what the API said. */
export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initial();
    setApiLanguage(l);
    document.documentElement.lang = l;
    return l;
  });
  const qc = useQueryClient();
  const setLang = useCallback(
    (l: Lang) => {
      localStorage.setItem(STORAGE_KEY, l);
      setApiLanguage(l);
      document.documentElement.lang = l;
      setLangState(l);
      // the API's labels and problem texts are in the language asked: what is cached was asked in the other one
      void qc.invalidateQueries();
    },
    [qc],
  );
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => {
        let text = tables[lang][key] ?? key;
        for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
        return text;
      },
    }),
    [lang, setLang],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider globalConfig={lang === 'en-US' ? enConfig : zhConfig}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
};

export const useI18n = () => {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
};

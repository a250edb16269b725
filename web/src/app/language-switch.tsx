import { Select } from 'tdesign-react';
import { TranslateIcon } from 'tdesign-icons-react';
import { useI18n } from '../i18n';
import { Labelled } from './field';

/** 中文 / English: the sign-in page and the frame's header. */
export const LanguageSwitch = () => {
  const { lang, setLang, t } = useI18n();
  return (
    <Labelled label={t('lang.label')}>
    <Select
      aria-label={t('lang.label')}
      value={lang}
      onChange={(v) => setLang(v === 'en-US' ? 'en-US' : 'zh-CN')}
      prefixIcon={<TranslateIcon />}
      style={{ width: 130 }}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
    </Labelled>
  );
};

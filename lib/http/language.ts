// the one locale file, not the locales index (which would bundle every language)
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Language } from '../i18n';

export type { Language } from '../i18n';

/** `Accept-Language: en…` picks English; anything else Chinese (the console's default). */
export const languageOf = (headers: Record<string, string>): Language =>
  /^\s*en\b/i.test(headers['accept-language'] ?? '') ? 'en' : 'zh';

/**
 * The language of a problem's texts: Chinese when the request asks for it (`Accept-Language: zh…`, as the
 * console sends), English otherwise — a script or curl without the header reads the reference texts.
 */
export const problemLanguageOf = (headers: Record<string, string>): Language =>
  /^\s*zh\b/i.test(headers['accept-language'] ?? '') ? 'zh' : 'en';

/** zod's own messages in Chinese, for parsing a Chinese request (English is zod's default). */
export const zodErrorMap = (lang: Language) => (lang === 'zh' ? zhCN().localeError : undefined);

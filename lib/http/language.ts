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

// zod's zh-CN locale names only some JSON types in Chinese (it leaves `string`, `boolean`, `object`…)
const TYPES_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '大整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '未填写',
  date: '日期',
  nan: '非数字',
};
const jsonTypeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'nan' : typeof v);

const zhLocale = zhCN().localeError;
type ZodIssue = Parameters<typeof zhLocale>[0];

/** zod's zh-CN messages, with every type name of an `invalid_type` issue in Chinese. */
const zhErrorMap = (issue: ZodIssue) => {
  if (issue.code === 'invalid_type') {
    const expected = TYPES_ZH[issue.expected] ?? issue.expected;
    const received = TYPES_ZH[jsonTypeOf(issue.input)] ?? jsonTypeOf(issue.input);
    return `无效输入：期望${expected}，实际接收${received}`;
  }
  return zhLocale(issue);
};

/** zod's own messages in Chinese, for parsing a Chinese request (English is zod's default). */
export const zodErrorMap = (lang: Language) => (lang === 'zh' ? zhErrorMap : undefined);

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

// zod's zh-CN locale leaves type and origin names English («期望 string», «期望 string <=3 字符»): those
// few messages are worded here with Chinese names, every other one is the locale's.
const TYPES_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '大整数',
  boolean: '布尔值',
  object: '对象',
  record: '对象',
  array: '数组',
  tuple: '数组',
  set: '集合',
  map: '映射',
  file: '文件',
  null: '空值',
  undefined: '未填写',
  date: '日期',
  nan: '非数字',
};
const UNITS_ZH: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };
const typeZh = (name: string | undefined) => (name === undefined ? '值' : (TYPES_ZH[name] ?? name));
const jsonTypeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'nan' : typeof v);

const zhLocale = zhCN().localeError;
type ZodIssue = Parameters<typeof zhLocale>[0];

/** zod's zh-CN messages, with every type name in Chinese. */
const zhErrorMap = (issue: ZodIssue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `无效输入：期望${typeZh(issue.expected)}，实际接收${typeZh(jsonTypeOf(issue.input))}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = big ? issue.maximum : issue.minimum;
      const unit = UNITS_ZH[issue.origin ?? ''];
      const op = big ? (issue.inclusive ? '<=' : '<') : issue.inclusive ? '>=' : '>';
      return `数值过${big ? '大' : '小'}：期望${typeZh(issue.origin)} ${op}${bound.toString()}${unit ? ` ${unit}` : ''}`;
    }
    case 'invalid_key':
    case 'invalid_element':
      return zhLocale({ ...issue, origin: typeZh(issue.origin) } as ZodIssue);
    default:
      return zhLocale(issue);
  }
};

/** zod's own messages in Chinese, for parsing a Chinese request (English is zod's default). */
export const zodErrorMap = (lang: Language) => (lang === 'zh' ? zhErrorMap : undefined);

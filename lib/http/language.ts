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

const NUMERIC = new Set(['number', 'int', 'bigint']);

/**
 * The checks a person meets in a form, worded for people in either language (no type names, no `>=`):
 * required, too short or long, too few or many, a bound, a whole number, a web address, one of a list.
 * The console's forms check with the same schemas and this same map, so both say the same thing.
 */
const readable = (lang: Language, issue: ZodIssue): string | undefined => {
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const big = issue.code === 'too_big';
      const n = Number(big ? issue.maximum : issue.minimum);
      if (issue.origin === 'string') {
        if (!big && n <= 1) return zh ? '不能为空' : 'Required';
        return zh ? `${big ? '最多' : '至少'} ${n} 个字符` : `At ${big ? 'most' : 'least'} ${n} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `${big ? '最多' : '至少'} ${n} 项` : `At ${big ? 'most' : 'least'} ${n} items`;
      if (NUMERIC.has(issue.origin ?? '')) {
        if (issue.inclusive) return zh ? `不能${big ? '大于' : '小于'} ${n}` : `Must be at ${big ? 'most' : 'least'} ${n}`;
        return zh ? `须${big ? '小于' : '大于'} ${n}` : `Must be ${big ? 'less' : 'more'} than ${n}`;
      }
      return undefined;
    }
    case 'invalid_type':
      if (issue.input === undefined) return zh ? '不能为空' : 'Required';
      if (issue.expected === 'int') return zh ? '须为整数' : 'Must be a whole number';
      if (issue.expected === 'number') return zh ? '须为数字' : 'Must be a number';
      return undefined;
    case 'invalid_format':
      return issue.format === 'url' ? (zh ? '须为以 http:// 或 https:// 开头的网址' : 'Must be a web address starting with http:// or https://') : undefined;
    case 'invalid_value': {
      const values = issue.values.map((v) => `"${String(v)}"`);
      return zh ? `须为以下之一：${values.join('、')}` : `Must be one of: ${values.join(', ')}`;
    }
    default:
      return undefined;
  }
};

/** zod's own messages in the request's language: the readable wording above, else zod's (Chinese: with Chinese type names). */
export const zodErrorMap =
  (lang: Language) =>
  (issue: ZodIssue) =>
    readable(lang, issue) ?? (lang === 'zh' ? zhErrorMap(issue) : undefined);

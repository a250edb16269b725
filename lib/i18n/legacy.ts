import type { Language } from './terms';

/**
 * Translations of English texts thrown as plain strings, for the order-command refusals that do not name
 * a catalogue key yet. Every other text is a key of the catalogues; this file goes when the last string does.
 */
const TITLES_ZH: Record<string, string> = {
  'Invalid request': '请求无效',
  'Bad request': '请求有误',
  Unauthenticated: '未登录',
  Forbidden: '无权操作',
  'Conflict of interest': '利益冲突',
  'Not found': '未找到',
  Conflict: '状态冲突',
  'Too many requests': '请求过于频繁',
  'Service unavailable': '服务暂不可用',
  'Internal error': '内部错误',
  'Temporarily unavailable': '暂时不可用',
  'Payload too large': '请求体过大',
  'Unsupported media type': '不支持的内容类型',
};

const NOUNS_ZH: Record<string, string> = {
  'The product': '商品',
  'The order': '订单',
  'The rating': '评价',
  'The notification': '站内信',
  'The delivery': '推送记录',
  'A webhook endpoint': 'Webhook 接收地址',
  'The resource': '资源',
  'The attachment': '附件',
};

const DETAILS_ZH: Record<string, string> = {
  'The request has invalid fields.': '请求中有字段无效，见 errors。',
  'A valid bearer access token is required.': '需要有效的访问令牌（Bearer）。',
  'The access token is invalid or expired.': '访问令牌无效或已过期，请重新登录。',
  'Your role may not perform this action.': '当前角色不能执行此操作。',
  'The cursor was not issued for this list.': '分页游标不属于此列表。',
  'The requirements do not match the product’s form.': '需求单与商品的需求单模板不符。',
  'An attachment does not match its upload grant.': '附件与其上传授权不符。',
  'Only attachments uploaded to this order can be referenced.': '只能引用上传到本订单的附件。',
  'Nobody may buy their own product.': '不能购买自己的商品。',
  'An operator never decides on, or takes down, their own product.': '运营不能审核或下架自己的商品。',
  'An operator may not settle an order they bought or sell.': '运营不能裁决自己购买或出售的订单。',
  'The order changed meanwhile; read it again.': '订单已被修改，请刷新后重试。',
  'The rating changed meanwhile; read it again.': '评价已被修改，请刷新后重试。',
  'The buyer was urged recently; urge again later.': '刚刚已催促过用户，请稍后再催促。',
  'There are no submitted requirements to reject.': '没有可驳回的已提交需求单。',
  'The product needs the buyer’s requirements before work starts.': '该商品需要用户先提交需求单才能开始实施。',
  'A product that was ever listed cannot be deleted; delist it instead.': '上架过的商品不能删除，请改为下架。',
  'The product is not listed and cannot be bought.': '商品未上架，不能购买。',
  'A rating can be edited within 7 days of being given.': '评价只能在提交后 7 天内修改。',
  'This order has already been rated.': '该订单已评价。',
  'This rating already has a reply.': '该评价已有回复。',
  'Another change to this item is in progress; try again.': '另一个修改正在进行，请重试。',
  'The endpoint is disabled; enable it with PUT /provider/webhook first.': '接收地址已停用，请先启用。',
  'The token issuer cannot be reached to check the token; try again shortly.': '暂时无法校验登录令牌，请稍后重试。',
  'The service is busy; try again shortly.': '服务繁忙，请稍后重试。',
  'Something went wrong on our side.': '服务端出错，请稍后重试。',
};

/** Patterns for details that carry values (names, statuses, counts). */
const PATTERNS_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(The [a-z]+|A webhook endpoint) was not found\.$/, (m) => `${NOUNS_ZH[m[1]] ?? m[1]}不存在。`],
  [/^Cannot (.+) while the status is (.+)\.$/, (m) => `当前状态（${m[2]}）下不能执行「${m[1]}」。`],
  [/^This action is for (.+) accounts\.$/, (m) => `此操作仅限 ${m[1]} 账号。`],
  [/^The product changed since version (\d+); it is now version (\d+)\.$/, (m) => `商品自版本 ${m[1]} 后已被修改，当前为版本 ${m[2]}。`],
  [/^An order holds at most (\d+) attachments\.$/, (m) => `每个订单最多 ${m[1]} 个附件。`],
  [/^At most (\d+) (.+) per (\d+) seconds; try again later\.$/, (m) => `每 ${m[3]} 秒最多 ${m[1]} 次（${m[2]}），请稍后再试。`],
];

/** Field messages written by the domain (zod's own come translated from its locale). */
const FIELD_PATTERNS_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(.+) is required$/, (m) => `${m[1]}为必填项`],
  [/^(.+) must be one of (.+)$/, (m) => `${m[1]}须为以下之一：${m[2]}`],
  [/^(.+) must be an attachment uploaded to this order$/, (m) => `${m[1]}须为上传到本订单的附件`],
  [/^(.+) must be a (text|number|boolean)$/, (m) => `${m[1]}须为${({ text: '文本', number: '数字', boolean: '是/否' } as Record<string, string>)[m[2]]}`],
  [/^not a field of the requirements form$/, () => '不是需求单模板中的字段'],
  [/^unknown field\(s\): (.+)$/, (m) => `未知字段：${m[1]}`],
  [/^must be between 1970 and 9999 in UTC$/, () => '须在 1970 至 9999 年之间（UTC）'],
  [/^planId values must be unique$/, () => '规格编号不能重复'],
  [/^field keys must be unique$/, () => '字段标识不能重复'],
];

const byPattern = (text: string, patterns: [RegExp, (m: RegExpExecArray) => string][]) => {
  for (const [re, to] of patterns) {
    const m = re.exec(text);
    if (m) return to(m);
  }
  return text;
};

/** A plain English title or detail in the reader's language (as it stands when no translation is known). */
export const legacyText = (lang: Language, text: string): string =>
  lang === 'en' ? text : (TITLES_ZH[text] ?? DETAILS_ZH[text] ?? byPattern(text, PATTERNS_ZH));

/** A plain English field message in the reader's language. */
export const legacyField = (lang: Language, text: string): string => (lang === 'en' ? text : byPattern(text, FIELD_PATTERNS_ZH));

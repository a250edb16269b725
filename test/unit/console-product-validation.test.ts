import { describe, expect, it } from 'vitest';
import { enUS } from '../../web/src/i18n/en-US';
import { zhCN, type MessageKey } from '../../web/src/i18n/zh-CN';
import { validateProduct, withoutField } from '../../web/src/products/validation';
import { productContent } from '../support/fixtures';

const translate = (table: Record<MessageKey, string>) => (key: MessageKey, vars?: Record<string, string | number>) =>
  Object.entries(vars ?? {}).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), table[key]);
const zh = translate(zhCN);
const en = translate(enUS);

describe('the product form checked in the browser with the API’s schema', () => {
  it('passes what the API takes', () => {
    expect(validateProduct(productContent(), zh, 'zh-CN')).toEqual({});
  });

  it('words each refusal for people, in the console’s language, at its field', () => {
    // Prepare
    const content = { ...productContent(), name: '', category: '  ', tags: [], logoUrl: 'ftp://x', deliveryDays: 1.5 };
    content.plans = [{ ...content.plans[0], name: 'x'.repeat(51), listPrice: 100, price: 200 }];
    // Act
    const errors = validateProduct(content, zh, 'zh-CN');
    // Assess
    expect(errors).toMatchObject({
      name: '请填写此项',
      category: '请填写此项',
      tags: '至少 1 项',
      logoUrl: '请填写以 http:// 或 https:// 开头的网址',
      deliveryDays: '请填写整数',
      'plans.0.name': '最多 50 个字符',
      'plans.0.price': '售价不能高于原价',
    });
    expect(validateProduct(content, en, 'en-US')).toMatchObject({ name: 'Required', 'plans.0.name': 'At most 50 characters' });
    // no validator jargon in either language
    for (const text of [...Object.values(errors), ...Object.values(validateProduct(content, en, 'en-US'))]) {
      expect(text).not.toMatch(/string|expected|期望|>=|Too small|数值过/);
    }
  });

  it('forgets a field’s messages when it changes, and those of the list holding it', () => {
    const errors = { name: 'a', 'plans.0.price': 'b', 'plans.0': 'c', 'plans.1.price': 'd', plans: 'e' };
    expect(withoutField(errors, 'plans.0.price')).toEqual({ name: 'a', 'plans.1.price': 'd', plans: 'e' });
    expect(withoutField(errors, 'name')).toEqual({ 'plans.0.price': 'b', 'plans.0': 'c', 'plans.1.price': 'd', plans: 'e' });
  });
});

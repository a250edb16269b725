import { describe, expect, it } from 'vitest';
import { validateProduct, withoutField } from '../../web/src/products/validation';
import { productContent } from '../support/fixtures';

describe('the product form checked in the browser with the API’s schema', () => {
  it('passes what the API takes', () => {
    expect(validateProduct(productContent(), 'zh-CN')).toEqual({});
  });

  it('words each refusal as the API does, for people, in the console’s language, at its field', () => {
    // Prepare
    const content = { ...productContent(), name: '', category: '  ', tags: [], logoUrl: 'ftp://x', deliveryDays: 1.5 };
    content.plans = [{ ...content.plans[0], name: 'x'.repeat(51), listPrice: 100, price: 200 }];
    // Act
    const errors = validateProduct(content, 'zh-CN');
    // Assess
    expect(errors).toMatchObject({
      name: '不能为空',
      category: '不能为空',
      tags: '至少 1 项',
      logoUrl: '须为以 http:// 或 https:// 开头的网址',
      deliveryDays: '须为整数',
      'plans.0.name': '最多 50 个字符',
      'plans.0.price': '售价不能高于原价',
    });
    expect(validateProduct(content, 'en-US')).toMatchObject({ name: 'Required', 'plans.0.name': 'At most 50 characters' });
    // no validator jargon in either language
    for (const text of [...Object.values(errors), ...Object.values(validateProduct(content, 'en-US'))]) {
      expect(text).not.toMatch(/string|expected|期望|>=|Too small|数值过/);
    }
  });

  it('forgets a field’s messages when it changes, and those of the list holding it', () => {
    const errors = { name: 'a', 'plans.0.price': 'b', 'plans.0': 'c', 'plans.1.price': 'd', plans: 'e' };
    expect(withoutField(errors, 'plans.0.price')).toEqual({ name: 'a', 'plans.1.price': 'd', plans: 'e' });
    expect(withoutField(errors, 'name')).toEqual({ 'plans.0.price': 'b', 'plans.0': 'c', 'plans.1.price': 'd', plans: 'e' });
  });
});

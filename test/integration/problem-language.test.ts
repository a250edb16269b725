import { describe, expect, it } from 'vitest';
import { handler as createOrder } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as start } from '../../functions/orders/start';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';

// A problem's texts follow Accept-Language like the labels: Chinese to the console, English to curl.
describe('problem texts in the request’s language', () => {
  const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };
  const en = { 'accept-language': 'en-US' };
  const form = [
    { key: 'host', label: '服务器地址', type: 'text' as const, required: true },
    { key: 'os', label: '操作系统', type: 'select' as const, required: true, options: ['Ubuntu', 'Debian'] },
  ];

  it('answers a malformed body with the title, detail and zod’s field messages in Chinese', async () => {
    const res = await invoke(createOrder, { as: 'buyer', body: { productId: 42, planId: 'once' }, headers: zh });
    expect(res.status).toBe(400);
    expect(res.headers['content-language']).toBe('zh-CN');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '请求无效', detail: '请求中有字段无效，见 errors。' });
    const message = res.body.errors.find((e: { path: string }) => e.path === 'productId').message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says which requirements answer is missing or wrong, in Chinese, by the form’s labels', async () => {
    const order = await orderIn('awaiting_start', { content: { requirementsTemplate: form, requirementsBeforeStart: true } });
    const res = await invoke(requirements, { as: 'buyer', params: { orderId: order.orderId }, body: { answers: { os: 'Windows' } }, headers: zh });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('需求单与商品的需求单模板不符。');
    expect(res.body.errors).toEqual([
      { path: 'answers.host', message: '服务器地址为必填项' },
      { path: 'answers.os', message: '操作系统须为以下之一：Ubuntu, Debian' },
    ]);
  });

  it('names a refused command and an unknown order in Chinese', async () => {
    const order = await orderIn('awaiting_start', { content: { requirementsTemplate: form, requirementsBeforeStart: true } });
    const refused = await invoke(start, { as: 'provider', params: { orderId: order.orderId }, headers: zh });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('该商品需要用户先提交需求单才能开始实施。');
    const missing = await invoke(getOrder, { as: 'buyer', params: { orderId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, headers: zh });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: '未找到', detail: '订单不存在。' });
  });

  it('keeps English for English and for a request without the header; codes and paths never change', async () => {
    const order = await orderIn('awaiting_start', { content: { requirementsTemplate: form, requirementsBeforeStart: true } });
    for (const headers of [en, {}]) {
      const res = await invoke(requirements, { as: 'buyer', params: { orderId: order.orderId }, body: { answers: {} }, headers });
      expect(res.headers['content-language']).toBe('en');
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Invalid request', detail: 'The requirements do not match the product’s form.' });
      expect(res.body.errors).toEqual([
        { path: 'answers.host', message: '服务器地址 is required' },
        { path: 'answers.os', message: '操作系统 is required' },
      ]);
    }
  });
});

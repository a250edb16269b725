import { signIn as cognitoSignIn } from '../../../scripts/lib/stack';
import { CONSOLE_PASSWORD, CONSOLE_USERS, type ConsoleStack } from './global-setup';

export type ConsoleRole = keyof typeof CONSOLE_USERS;

export const stack = (): ConsoleStack => JSON.parse(process.env.CONSOLE_STACK ?? '{}') as ConsoleStack;

/** A minimal API client for arranging what a journey starts from (the journey itself goes through the UI). */
export const apiAs = async (role: ConsoleRole) => {
  const s = stack();
  const token = await cognitoSignIn(s.cognitoEndpoint, s.clientId, CONSOLE_USERS[role].email, CONSOLE_PASSWORD);
  const call = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${s.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { call, token };
};

let counter = 0;
/** Listing content that passes the API's checks; names are unique per run so lists can be searched. */
export const productContent = (overrides: Record<string, unknown> = {}) => ({
  name: `测试商品${Date.now() % 100000}-${++counter}`,
  serviceType: 'ops_service',
  category: '运维服务',
  tags: ['nginx'],
  summary: '服务器巡检与调优',
  description: '## 服务内容\n巡检、调优与报告',
  logoUrl: 'https://cdn.example.com/logo.png',
  deliveryDays: 2,
  warrantyDays: 15,
  plans: [{ planId: 'once', name: '单次服务', duration: 1, unit: 'times', listPrice: 50000, price: 39900 }],
  requirementsTemplate: [{ key: 'host', label: '服务器地址', type: 'text', required: true }],
  requirementsBeforeStart: true,
  ...overrides,
});

/** A listed product of the console's provider: created, submitted and approved through the API. */
export const listedProduct = async (overrides: Record<string, unknown> = {}) => {
  const provider = await apiAs('provider');
  const operator = await apiAs('operator');
  const content = productContent(overrides);
  const p = await provider.call('POST', '/provider/products', content);
  const submitted = await provider.call('POST', `/provider/products/${p.productId}/submit`);
  await operator.call('POST', `/operator/products/${p.productId}/approve`, { version: submitted.version });
  return { productId: p.productId as string, name: content.name };
};

/** An order of the console's buyer for a listed product, with its requirements submitted. */
export const orderWithRequirements = async () => {
  const product = await listedProduct();
  const buyer = await apiAs('buyer');
  const order = await buyer.call('POST', '/orders', { productId: product.productId, planId: 'once', quantity: 1 });
  await buyer.call('PUT', `/orders/${order.orderId}/requirements`, { answers: { host: '10.0.0.8' } });
  return { orderId: order.orderId as string, product };
};


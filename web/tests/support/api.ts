import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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


/** A person who is not one of the stack's users (registered in the test): the same small API client. */
export const apiAsPerson = async (email: string, password: string) => {
  const s = stack();
  const token = await cognitoSignIn(s.cognitoEndpoint, s.clientId, email, password);
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

/**
 * The code the user pool emailed on sign-up: cognito-local keeps it with the unconfirmed user in its pool
 * file (and prints it), which is where a developer reads it locally.
 */
export const signUpCode = async (email: string): Promise<string> => {
  const s = stack();
  type Pool = { Users: Record<string, { Attributes: { Name: string; Value: string }[]; ConfirmationCode?: string }> };
  for (let i = 0; i < 50; i += 1) {
    let pool: Pool | undefined;
    try {
      pool = JSON.parse(readFileSync(join(s.dataDir ?? '', '.cognito', 'db', `${s.userPoolId}.json`), 'utf8')) as Pool;
    } catch {
      // cognito-local rewrites the file in place: caught half-written, it is read again a moment later
    }
    const user = pool && Object.values(pool.Users).find((u) => u.Attributes.some((a) => a.Name === 'email' && a.Value === email));
    if (user?.ConfirmationCode) return user.ConfirmationCode;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no confirmation code for ${email}`);
};

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A 统一社会信用代码 with its GB 32100-2015 check character, different each call. */
export const creditCode = () => {
  const body = `91110000${Array.from({ length: 9 }, () => CREDIT_ALPHABET[Math.floor(Math.random() * 10)]).join('')}`;
  let weight = 1;
  let sum = 0;
  for (const c of body) {
    sum += CREDIT_ALPHABET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return body + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
};

/** The invitation link in the last email to `to`, read from the stack's SES emulator (`GET /store`), as a path of the console. */
export const invitationLink = async (to: string): Promise<string> => {
  const s = stack();
  for (let i = 0; i < 100; i += 1) {
    const res = await fetch(`${s.mailEndpoint}/store`);
    const { emails } = (await res.json()) as { emails: { destination: { to: string[] }; body: { html?: string; text?: string } }[] };
    const mine = emails.filter((m) => m.destination.to.some((a) => a.toLowerCase() === to.toLowerCase()));
    const token = mine.at(-1) && /\/invitations\/([A-Za-z0-9_-]+)/.exec(mine.at(-1)!.body.text ?? mine.at(-1)!.body.html ?? '')?.[1];
    if (token) return `/invitations/${token}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no invitation mail to ${to}`);
};

/** Whether the API document (docs/openapi.json) has every one of these paths: tests of routes still on their way wait for them. */
export const apiHas = (...paths: string[]) => {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
  return paths.every((p) => p in doc.paths);
};

/** A 1×1 PNG: a business licence. */
export const LICENCE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A pending application (入驻) of a signed-in person, its licence uploaded through the API's grant. */
export const pendingApplication = async (as: { call: <T = any>(method: string, path: string, body?: unknown) => Promise<T> }, fields: Record<string, unknown> = {}) => {
  const grant = await as.call('POST', '/provider-applications/licences', { fileName: 'licence.png', contentType: 'image/png', size: LICENCE_PNG.length });
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([LICENCE_PNG], { type: 'image/png' }), 'licence.png');
  const uploaded = await fetch(grant.upload.url, { method: 'POST', body: form });
  if (!uploaded.ok) throw new Error(`licence upload → ${uploaded.status}`);
  return as.call('POST', '/provider-applications', {
    companyName: `星河数据${Date.now() % 100000}有限公司`,
    creditCode: creditCode(),
    contactName: '李雷',
    contactPhone: '13912345678',
    contactEmail: 'lilei@xinghe.example',
    serviceTypes: ['ops_service', 'saas'],
    licence: grant.licenceId,
    ...fields,
  });
};

import { randomBytes } from 'node:crypto';
import { handler as putEndpoint } from '../../functions/saas/put-endpoint';
import { handler as debug } from '../../functions/saas/debug';
import { startSaasEndpoint } from '../../scripts/lib/saas-endpoint';
import type { TestUser } from './global-setup';
import { invoke } from './http';
import { must } from './products';

/** The actions a SaaS product needs to have passed 接口调试 before it is submitted. */
export const REQUIRED_CHECKS = ['createInstance', 'renewInstance', 'expireInstance', 'destroyInstance'] as const;

/**
 * A provider endpoint written from the protocol alone (scripts/lib/saas-endpoint.ts), saved as `as`'s organisation's
 * SaaS endpoint through the API, with every action passed through 接口调试: SaaS products of that organisation can
 * be submitted. Close it with `endpoint.close()`.
 */
export const readySaasEndpoint = async (as: TestUser) => {
  const token = `tok-${randomBytes(12).toString('hex')}`;
  const endpoint = await startSaasEndpoint({ token });
  must(await invoke(putEndpoint, { as, method: 'PUT', body: { url: endpoint.url, token } }), 200);
  for (const action of REQUIRED_CHECKS) must(await invoke(debug, { as, method: 'POST', body: { action } }), 200);
  endpoint.reset();
  return { endpoint, token };
};

/** A SaaS product's content (service type saas, delivery saas). */
export const saasContent = (overrides: Record<string, unknown> = {}) => ({
  serviceType: 'saas',
  delivery: 'saas',
  name: '云监控 SaaS',
  ...overrides,
});

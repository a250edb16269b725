import { debugSaasAction, saveSaasEndpoint } from '../../lib/saas/endpoint';
import { SAAS_ACTIONS } from '../../lib/saas/protocol';

/** The demo organisation's SaaS token: the local endpoint (scripts/lib/saas-endpoint.ts) checks signatures with it. */
export const DEMO_SAAS_TOKEN = 'demo-saas-token-change-me';

/**
 * Registers the local SaaS endpoint as the demo organisation's, as its administrator would: saved (verifyInterface
 * answered with the echo), then every action through 接口调试, so its SaaS products can be submitted and its SaaS
 * orders provision. Run on every start: the endpoint's port may have moved.
 */
export const registerDemoSaasEndpoint = async (providerId: string, url: string) => {
  const now = () => new Date();
  await saveSaasEndpoint(providerId, { url, token: DEMO_SAAS_TOKEN }, now());
  const failed: string[] = [];
  for (const action of SAAS_ACTIONS) {
    const { result } = await debugSaasAction(providerId, action, now());
    if (!result.ok) failed.push(`${action}: ${result.error}`);
  }
  return failed.length ? `The demo SaaS endpoint failed 接口调试: ${failed.join('; ')}` : `Demo SaaS endpoint ${url} saved and verified.`;
};

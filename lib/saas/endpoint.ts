import { randomBytes } from 'node:crypto';
import { config } from '../config';
import { DomainError, NotFoundError, ValidationError } from '../http/errors';
import { msg } from '../i18n';
import { UnsafeUrlError, checkEndpointUrl } from '../outbound/address';
import { newId } from '../shared/ids';
import { callSaas, type SaasCallResult } from './call';
import { REQUIRED_FOR_SUBMIT, type SaasAction, type SaasFields } from './protocol';
import { getSaasEndpoint, putSaasEndpoint, recordPass, sealToken } from './repository';
import type { SaasEndpointItem } from './schemas';

/** What an answer shows of the endpoint's answer in a problem: its first characters. */
const shown = (r: SaasCallResult) => {
  const text = r.answer === null ? '' : typeof r.answer === 'string' ? r.answer : JSON.stringify(r.answer);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
};

/** 400: the endpoint did not echo; the problem carries what it answered (`verification`). */
export class EndpointRefusedError extends DomainError {
  constructor(r: SaasCallResult) {
    const reason = r.error ?? 'no echo';
    super(400, 'SAAS_ENDPOINT_UNVERIFIED', 'title.badRequest', msg('detail.saasEndpointRefused', { reason, answer: shown(r) || '—' }), {
      errors: [{ path: 'url', message: msg('field.saasEndpointRefused', { reason }) }],
      verification: { status: r.status, answer: r.answer, latencyMs: r.latencyMs },
    });
  }
}

/** The actions still to pass 接口调试 before a SaaS product may be submitted. */
export const missingChecks = (e: Pick<SaasEndpointItem, 'passed'> | undefined): SaasAction[] =>
  REQUIRED_FOR_SUBMIT.filter((a) => !e?.passed?.[a]);

/**
 * Saves an organisation's endpoint (PUT /provider/saas-endpoint): the URL checked (https, public addresses; 400
 * naming `url`), then `verifyInterface` sent with a fresh `echoback` and the token given; unless the endpoint
 * echoes it, 400 with what it answered and nothing saved. Saved: the token sealed, a new revision, no passes.
 */
export const saveSaasEndpoint = async (providerId: string, input: { url: string; token: string }, now: Date): Promise<SaasEndpointItem> => {
  const url = await checkEndpointUrl(input.url, config.webhookAllowLoopback).catch((err: unknown) => {
    if (err instanceof UnsafeUrlError) throw new ValidationError([{ path: 'url', message: err.text }]);
    throw err;
  });
  const result = await callSaas({
    providerId,
    action: 'verifyInterface',
    body: { echoback: randomBytes(16).toString('hex') },
    eventId: newId(now.getTime()),
    record: false,
    endpoint: { providerId, url: url.toString(), sealedToken: '' },
    token: input.token,
  });
  if (!result.ok) throw new EndpointRefusedError(result);
  const at = now.toISOString();
  const before = await getSaasEndpoint(providerId, true);
  const item: SaasEndpointItem = {
    providerId,
    url: url.toString(),
    sealedToken: await sealToken(providerId, input.token),
    revision: newId(now.getTime()),
    passed: {},
    verifiedAt: at,
    createdAt: before?.createdAt ?? at,
    updatedAt: at,
  };
  await putSaasEndpoint(item);
  return item;
};

/** The organisation's endpoint; 404 when none is saved. */
export const getOwnSaasEndpoint = async (providerId: string): Promise<SaasEndpointItem> => {
  const e = await getSaasEndpoint(providerId, true);
  if (!e) throw new NotFoundError('saasEndpoint');
  return e;
};

/** The instance 接口调试 works on: the one its last createInstance made, else a test one. */
const DEBUG_SIGN_ID = 'debug-sign-id';

/** Test data for each action (spec 3.1's fields), on a test order of the organisation's own. */
const debugBody = (action: SaasAction, orderId: string, signId: string, now: Date): SaasFields<SaasAction> => {
  const expires = new Date(now.getTime() + 30 * 24 * 3600 * 1000).toISOString();
  switch (action) {
    case 'verifyInterface':
      return { echoback: randomBytes(16).toString('hex') };
    case 'createInstance':
      return {
        orderId,
        accountId: 'debug-account',
        openId: 'debug-open-id',
        productId: 'debug-product',
        resourceId: orderId,
        productInfo: { productName: '接口调试', isTrial: true, spec: 'debug', timeSpan: 1, timeUnit: 'month' },
        userCollectionInfo: {},
      };
    case 'renewInstance':
      return { orderId, signId, instanceExpireTime: expires };
    case 'modifyInstance':
      return { orderId, signId, spec: 'debug', timeSpan: 1, timeUnit: 'month', instanceExpireTime: expires };
    case 'expireInstance':
    case 'destroyInstance':
      return { orderId, signId };
  }
};

export interface DebugOutcome {
  action: SaasAction;
  result: SaasCallResult;
  endpoint: SaasEndpointItem;
}

/**
 * 接口调试 (POST /provider/saas-endpoint/debug): one call of `action` with test data to the saved endpoint, not
 * in the call log; a pass is recorded against the endpoint as saved (not if it was saved again meanwhile).
 * createInstance's test instance (its order id and signId) is what the other actions then work on.
 */
export const debugSaasAction = async (providerId: string, action: SaasAction, now: Date): Promise<DebugOutcome> => {
  const endpoint = await getOwnSaasEndpoint(providerId);
  const instance = endpoint.debugInstance;
  const orderId = action === 'createInstance' || !instance ? `debug-${newId(now.getTime())}` : instance.orderId;
  const signId = instance?.signId ?? DEBUG_SIGN_ID;
  const result = await callSaas({ providerId, action, body: debugBody(action, orderId, signId, now), eventId: newId(now.getTime()), record: false, endpoint });
  if (!result.ok) return { action, result, endpoint };
  const made = action === 'createInstance' && result.signId ? { orderId, signId: result.signId } : undefined;
  const updated = await recordPass(providerId, endpoint.revision, action, now.toISOString(), made);
  return { action, result, endpoint: updated ?? endpoint };
};

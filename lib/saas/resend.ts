import { NotFoundError } from '../http/errors';
import { callSaas } from './call';
import { afterResend } from './follow-up';
import { claimResend, getSaasCall } from './repository';
import type { SaasCallItem } from './schemas';

/**
 * 重新发送 (POST /provider/saas-calls/{callId}/resend): a failed call sent again with its body and the same
 * eventId, after one conditional update took it (404 not this organisation's, 409 not failed); its outcome is
 * the call's latest, and a pass goes on to the order's lifecycle.
 */
export const resendSaasCall = async (providerId: string, callId: string, now: Date): Promise<SaasCallItem> => {
  const call = await claimResend(providerId, callId, now);
  const { action: _action, ...body } = JSON.parse(call.request) as Record<string, unknown>;
  const result = await callSaas({ providerId, action: call.action, body: body as never, eventId: call.callId, orderId: call.orderId });
  if (result.ok) await afterResend(call, result);
  const after = result.call ?? (await getSaasCall(providerId, callId));
  if (!after) throw new NotFoundError('saasCall');
  return after;
};

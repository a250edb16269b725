import { afterAttempt, firstExpiry, isSaas, withoutCreate, type CallResult } from '../saas';
import type { Instance } from '../schemas';
import { defineCommand } from './command';
import { callEntry, checkWaiting } from './saas-call';

export interface ProvisionInput {
  action: 'provision';
  result: CallResult;
  /** What createInstance answered, its expiry still to count. */
  instance: Omit<Instance, 'expiresAt'>;
}

/** createInstance answered a real signId: the instance is the buyer's, expiring as counted from payment. */
export const provision = defineCommand<ProvisionInput>({
  action: 'provision',
  roles: ['system'],
  from: ['provisioning'],
  to: 'active',
  turn: false,
  event: 'order.status_changed',
  validate: checkWaiting,
  apply: (o, input, { at }) =>
    isSaas(o) ? { instance: { ...input.instance, expiresAt: firstExpiry(o) }, saas: withoutCreate(afterAttempt(o.saas, input.result, true, at)) } : {},
  entry: (input) => ({ ...callEntry(input.result), website: input.instance.website, authUrl: input.instance.authUrl }),
});

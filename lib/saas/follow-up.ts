import type { SaasCallResult } from './call';
import type { SaasCallItem } from './schemas';

/**
 * What follows a call resent from the call log (重新发送) once it passed: the SaaS order lifecycle takes the answer
 * as it would have taken it the first time (a createInstance's signId provisions the order). The lifecycle's
 * owner fills this in; until then a passed resend is recorded in the call log only.
 */
export const afterResend = async (_call: SaasCallItem, _result: SaasCallResult): Promise<void> => {};

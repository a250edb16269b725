import { ok, type Reply } from '../../http/route';
import { toApplicationView } from './model';
import { getApplicationFor } from './repository';
import type { User } from '../../http/auth';

/**
 * An application command's answer read again, for a replay whose answer was too large to keep (REPLAY_BODY_LIMIT):
 * the application as it is now, in the view every application command answers with.
 */
export const applicationAnswer = async ({ user, params }: { user: User; params: { applicationId: string } }): Promise<Reply> =>
  ok(toApplicationView(await getApplicationFor(user, params.applicationId)));

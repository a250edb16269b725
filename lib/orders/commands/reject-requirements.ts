import { ConflictError } from '../../http/errors';
import { msg } from '../../i18n';
import { reasonBody } from '../schemas';
import { defineCommand } from './command';
import { rolesFor } from '../../providers/roles';

export interface RejectRequirementsInput {
  action: 'reject-requirements';
  reason: string;
}

/** The requirements form's status this command leaves. */
const LEAVES = 'rejected' as const;

/** 驳回需求: the provider sends the submitted requirements back, with a reason. */
export const rejectRequirements = defineCommand<RejectRequirementsInput, { kind: 'requirements-not-submitted' }>({
  action: 'reject-requirements',
  roles: ['provider'],
  memberRoles: rolesFor('deliver'),
  from: ['awaiting_start'],
  to: null,
  turn: true,
  event: 'order.requirements_rejected',
  body: reasonBody,
  guard: (o) => (o.requirements.status === 'submitted' ? undefined : { kind: 'requirements-not-submitted' }),
  problem: (_r, status) =>
    new ConflictError('REQUIREMENTS_NOT_SUBMITTED', msg('detail.requirementsNotSubmitted'), { currentStatus: status }),
  requirements: LEAVES,
  apply: (o, input) => ({ requirements: { ...o.requirements, status: LEAVES, reason: input.reason } }),
  entry: (input) => ({ reason: input.reason }),
});

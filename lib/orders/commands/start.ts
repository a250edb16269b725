import { ConflictError } from '../../http/errors';
import { msg } from '../../i18n';
import { defineCommand } from './command';
import { rolesFor } from '../../providers/roles';

export interface StartInput {
  action: 'start';
}

/** The requirements form's status this command leaves. */
const LEAVES = 'accepted' as const;

/** 服务商-开始实施: needs the buyer's requirements first when the product asks for them. */
export const start = defineCommand<StartInput, { kind: 'requirements-missing' }>({
  action: 'start',
  roles: ['provider'],
  memberRoles: rolesFor('deliver'),
  from: ['awaiting_start'],
  to: 'implementing',
  turn: true,
  event: 'order.status_changed',
  guard: (o) =>
    o.product.requirementsBeforeStart && o.requirements.status !== 'submitted' ? { kind: 'requirements-missing' } : undefined,
  problem: (_r, status) =>
    new ConflictError('REQUIREMENTS_MISSING', msg('detail.requirementsMissing'), { currentStatus: status }),
  requirements: LEAVES,
  apply: (o, _input, { at }) => ({ requirements: { ...o.requirements, status: LEAVES }, startedAt: o.startedAt ?? at }),
  entry: () => ({}),
  // purchase → first start, for the average; a start after a rejected completion is not a first start
  dashboard: (entry, order) =>
    order.startedAt === entry.at ? { startMs: Math.max(0, Date.parse(entry.at) - Date.parse(order.createdAt)), startCount: 1 } : {},
});

import type { Organisation, OrganisationStatus } from '../providers/items';
import { t } from '../i18n';
import type { OperatorOrganisationView } from './schemas';

/** 暂停 and 恢复 (spec 2.1): an operator's two actions on an organisation. */
export type SuspensionAction = 'suspend' | 'reinstate';

/** The organisation machine as data: the status each action leaves and the one it makes. */
export const SUSPENSION_RULES: Record<SuspensionAction, { from: OrganisationStatus; to: OrganisationStatus }> = {
  suspend: { from: 'active', to: 'suspended' },
  reinstate: { from: 'suspended', to: 'active' },
};

export const nextStatus = (action: SuspensionAction) => SUSPENSION_RULES[action];

/** What an operator sees of an organisation (full contacts: operators see them, spec 2.1). */
export const toOperatorOrganisation = (o: Organisation): OperatorOrganisationView => ({
  providerId: o.providerId,
  name: o.name,
  ...(o.creditCode ? { creditCode: o.creditCode } : {}),
  status: o.status,
  statusLabel: t('zh', `status.organisation.${o.status}`),
  ...(o.contact ? { contact: o.contact } : {}),
  ...(o.serviceTypes ? { serviceTypes: o.serviceTypes } : {}),
  admins: o.admins,
  ...(o.suspension ? { suspension: o.suspension } : {}),
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

import { inEveryLanguage, type Msg } from '../../i18n';
import type { ApplicationItem, ApplicationStatus, ApplicationView } from './schemas';

/** What can be done to an application: the applicant's edit (resubmit) and withdraw, the operator's decisions. */
export type ApplicationAction = 'edit' | 'withdraw' | 'approve' | 'reject';

/**
 * The machine as data (docs/decisions.md, "Provider applications"): for each action, who takes it, the
 * statuses it is allowed from and the status it leads to. `approved` and `withdrawn` are final.
 */
export const applicationRules: Record<ApplicationAction, { by: 'applicant' | 'operator'; from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  edit: { by: 'applicant', from: ['pending', 'rejected'], to: 'pending' },
  withdraw: { by: 'applicant', from: ['pending'], to: 'withdrawn' },
  approve: { by: 'operator', from: ['pending'], to: 'approved' },
  reject: { by: 'operator', from: ['pending'], to: 'rejected' },
};

/** The status an action leads to from `status`, or undefined when the action is not allowed there. */
export const nextStatus = (status: ApplicationStatus, action: ApplicationAction): ApplicationStatus | undefined =>
  applicationRules[action].from.includes(status) ? applicationRules[action].to : undefined;

/** The actions allowed from a status (the console shows these). */
export const actionsFrom = (status: ApplicationStatus): ApplicationAction[] =>
  (Object.keys(applicationRules) as ApplicationAction[]).filter((a) => nextStatus(status, a) !== undefined);

/** A status's label in both languages (待审核, 已通过, 已驳回, 已撤回), from the message catalogues. */
export const applicationStatusLabel = (status: ApplicationStatus) => inEveryLanguage({ key: `status.application.${status}` } as Msg);

/** An application as the applicant and operators see it. */
export const toApplicationView = (a: ApplicationItem): ApplicationView => {
  const last = a.decisions[a.decisions.length - 1];
  return {
    applicationId: a.applicationId,
    applicantId: a.applicantId,
    applicant: a.applicant,
    companyName: a.companyName,
    creditCode: a.creditCode,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    serviceTypes: a.serviceTypes,
    licence: { licenceId: a.licence.licenceId, fileName: a.licence.fileName, contentType: a.licence.contentType, size: a.licence.size },
    status: a.status,
    statusLabel: applicationStatusLabel(a.status),
    ...(a.status === 'rejected' && last?.decision === 'rejected' && last.reason !== undefined ? { reason: last.reason } : {}),
    version: a.version,
    submittedAt: a.submittedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    decisions: a.decisions,
    ...(a.providerId ? { providerId: a.providerId } : {}),
  };
};

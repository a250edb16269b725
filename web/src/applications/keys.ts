/** The applicant's own applications and the operator's queue (入驻审核). */
export const applicationKeys = {
  all: ['applications'] as const,
  mine: () => [...applicationKeys.all, 'mine'] as const,
  queue: (status: string) => [...applicationKeys.all, 'queue', status] as const,
  one: (applicationId: string) => [...applicationKeys.all, 'one', applicationId] as const,
};

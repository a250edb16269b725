/** The organisation's team and invitations; the operator's organisations. */
export const memberKeys = {
  all: ['members'] as const,
  team: () => [...memberKeys.all, 'team'] as const,
  invitations: () => [...memberKeys.all, 'invitations'] as const,
  providers: (filters: object) => ['operator', 'providers', filters] as const,
};

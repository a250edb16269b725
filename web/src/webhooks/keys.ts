/** The provider's webhook endpoint and its delivery log. */
export const webhookKeys = {
  all: ['webhook'] as const,
  endpoint: () => [...webhookKeys.all, 'endpoint'] as const,
  deliveries: () => [...webhookKeys.all, 'deliveries'] as const,
};

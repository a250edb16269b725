/** The organisation's SaaS endpoint and its call log. */
export const saasKeys = {
  all: ['saas'] as const,
  endpoint: () => [...saasKeys.all, 'endpoint'] as const,
  calls: () => [...saasKeys.all, 'calls'] as const,
};

// The address policy is the outbound caller's, shared by webhooks and SaaS calls (lib/outbound/).
export * from '../outbound/address';

/** A complete, valid listing content; override any field. */
export const productContent = (overrides: Record<string, unknown> = {}) => ({
  name: '服务器运维托管',
  serviceType: 'ops_service',
  category: 'operations',
  tags: ['linux', 'nginx'],
  summary: 'Server operations by certified engineers',
  description: '# What we do\n\nPatching, monitoring, backups.',
  logoUrl: 'https://cdn.example.com/logo.png',
  deliveryDays: 3,
  warrantyDays: 30,
  plans: [
    { planId: 'basic', name: '基础版', duration: 1, unit: 'times', listPrice: 100_000, price: 80_000 },
    { planId: 'monthly', name: '包月', duration: 1, unit: 'month', listPrice: 500_000, price: 450_000 },
  ],
  requirementsTemplate: [
    { key: 'host', label: '服务器地址', type: 'text', required: true },
    { key: 'cores', label: 'CPU 核数', type: 'number', required: false },
  ],
  requirementsBeforeStart: true,
  ...overrides,
});

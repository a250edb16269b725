import type { User } from '../../lib/http/auth';
import { normalizeContent } from '../../lib/products/model';
import { changeProductStatus, createProduct, editProduct, listProviderProducts } from '../../lib/products/repository';
import type { ContentInput } from '../../lib/products/schemas';

type Ids = Record<'provider' | 'buyer' | 'operator', string>;

const base: ContentInput = {
  name: '',
  serviceType: 'ops_service',
  category: '运维服务',
  tags: ['运维'],
  summary: '',
  description: '## 服务内容\n\n由认证工程师完成，全程平台监管。',
  logoUrl: 'https://cdn.example.com/logos/ops.png',
  deliveryDays: 3,
  warrantyDays: 30,
  plans: [
    { planId: 'once', name: '单次服务', duration: 1, unit: 'times', listPrice: 100_000, price: 88_000 },
    { planId: 'month', name: '包月', duration: 1, unit: 'month', listPrice: 500_000, price: 450_000 },
  ],
  requirementsTemplate: [
    { key: 'host', label: '服务器地址', type: 'text', required: true },
    { key: 'os', label: '操作系统', type: 'select', required: true, options: ['CentOS', 'Ubuntu', 'Debian'] },
    { key: 'backup', label: '是否需要备份', type: 'boolean', required: false },
  ],
  requirementsBeforeStart: true,
};

const demo = (name: string, summary: string, extra: Partial<ContentInput> = {}) =>
  normalizeContent({ ...base, name, summary, ...extra });

/** Demo products in several statuses; does nothing when the demo provider already has products. */
export const seedDemoData = async (ids: Ids) => {
  const provider: User = { id: ids.provider, roles: ['provider'] };
  const operator: User = { id: ids.operator, roles: ['operator'] };
  const existing = await listProviderProducts(provider, { limit: 1 });
  if (existing.items.length > 0) return 'Demo data kept from the last run.';

  let clock = Date.now() - 60 * 60 * 1000;
  const now = () => new Date((clock += 1000));
  const make = async (content: ReturnType<typeof demo>) => {
    const reply = await createProduct(provider, content, now(), undefined, (p) => ({ status: 201, body: p }));
    return (reply.body as { productId: string }).productId;
  };
  const step = (id: string, action: 'submit' | 'approve' | 'reject' | 'delist', reason?: string) =>
    changeProductStatus(action === 'approve' || action === 'reject' ? operator : provider, id, action, { reason }, now());

  const listed = await make(demo('服务器运维托管', 'Linux 服务器巡检、补丁与监控'));
  await step(listed, 'submit');
  await step(listed, 'approve');

  const migration = await make(
    demo('数据库迁移服务', 'MySQL/PostgreSQL 跨云迁移', { category: '数据迁移', tags: ['数据库', '迁移'], requirementsBeforeStart: false }),
  );
  await step(migration, 'submit');
  await step(migration, 'approve');
  await editProduct(provider, migration, { summary: 'MySQL/PostgreSQL 跨云迁移，零停机切换' }, now());

  const software = await make(
    demo('正版软件安装', '授权软件安装与激活', { serviceType: 'software', category: '软件服务', tags: ['安装'], requirementsTemplate: [] , requirementsBeforeStart: false }),
  );
  await step(software, 'submit');

  const draft = await make(demo('网站安全加固', 'WAF 配置与漏洞修复', { category: '安全', tags: ['安全'] }));
  void draft;

  const rejected = await make(demo('定制报表开发', '按需开发 BI 报表', { serviceType: 'custom_dev', category: '定制开发', tags: ['BI'] }));
  await step(rejected, 'submit');
  await step(rejected, 'reject', '价格明细缺少交付范围说明');

  const delisted = await make(demo('旧版镜像部署', 'CentOS 7 镜像部署', { serviceType: 'image', category: '镜像', tags: ['镜像'] }));
  await step(delisted, 'submit');
  await step(delisted, 'approve');
  await step(delisted, 'delist');

  return 'Seeded demo products: 2 listed (one with a pending revision), 1 in review, 1 draft, 1 rejected, 1 delisted.';
};

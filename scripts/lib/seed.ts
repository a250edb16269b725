import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkReferences, grantAttachment } from '../../lib/attachments/repository';
import { config } from '../../lib/config';
import { ddb, tableName } from '../../lib/db/client';
import { ensureMember, ensureOrganisation } from './organisations';
import { backfillRows, dropStaleIndexKeys } from './rows';
import { splitStoredItems } from './items-split';
import { createReview, replyToReview } from '../../lib/reviews/repository';
import type { User } from '../../lib/http/auth';
import type { Actor, CommandInput, CommandInputOf } from '../../lib/orders/model';
import { createOrder, runOrderCommand } from '../../lib/orders/repository';
import { normalizeContent } from '../../lib/products/model';
import { changeProductStatus, createProduct, editProduct, listProviderProducts } from '../../lib/products/repository';
import type { ContentInput } from '../../lib/products/schemas';
import { randomBytes } from 'node:crypto';
import { uploadCodes } from '../../lib/codes/repository';

/** The demo accounts' user ids; the members and the second organisation's administrator are optional. */
type Ids = Record<'provider' | 'buyer' | 'operator', string> & Partial<Record<'delivery' | 'products' | 'provider2', string>>;

export const DEMO_ORGANISATION = '云栖运维服务有限公司';
export const SECOND_ORGANISATION = '北辰数据科技有限公司';

/**
 * The demo organisations, each with the id of its first administrator as its providerId (as the migration
 * gives one-login providers): 云栖运维服务有限公司 run by provider@example.com, with delivery@ (交付) and
 * products@ (商品管理); 北辰数据科技有限公司 run by admin@example.net. Idempotent.
 */
const seedOrganisations = async (ids: Ids) => {
  const at = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await ensureOrganisation(ddb, tableName, {
    providerId: ids.provider,
    name: DEMO_ORGANISATION,
    admin: { userId: ids.provider, email: 'provider@example.com', displayName: '林晓' },
    contact: { name: '林晓', phone: '13800138000', email: 'provider@example.com' },
    serviceTypes: ['ops_service', 'software', 'custom_dev', 'image'],
  }, at);
  const team = [
    ids.delivery && { userId: ids.delivery, email: 'delivery@example.com', displayName: '张伟', role: 'delivery' as const },
    ids.products && { userId: ids.products, email: 'products@example.com', displayName: '王芳', role: 'products' as const },
  ];
  for (const m of team) if (m) await ensureMember(ddb, tableName, { ...m, providerId: ids.provider, organisationName: DEMO_ORGANISATION }, at);
  if (ids.provider2) {
    await ensureOrganisation(ddb, tableName, {
      providerId: ids.provider2,
      name: SECOND_ORGANISATION,
      admin: { userId: ids.provider2, email: 'admin@example.net', displayName: '陈静' },
      contact: { name: '陈静', phone: '13900139000', email: 'admin@example.net' },
      serviceTypes: ['saas'],
    }, at);
  }
};

/** The demo provider acting for its organisation, as a request to a provider route would. */
const actingFor = (providerId: string, id = providerId): User => {
  const membership = { providerId, role: 'admin' as const, organisationName: DEMO_ORGANISATION };
  return { id, roles: ['provider'], memberships: [membership], provider: membership };
};

const base: ContentInput = {
  name: '',
  serviceType: 'ops_service',
  delivery: 'manual',
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

/**
 * A listed SaaS product of the demo organisation (SaaS 自动交付), provisioned through the local endpoint that
 * `npm start` runs and saves as the organisation's (scripts/lib/demo-saas.ts): a demo purchase provisions at once.
 */
const seedSaasDemo = async (provider: User, operator: User, now: () => Date) => {
  const content = demo('云监控 SaaS', '主机与应用监控，开通即用', {
    serviceType: 'saas',
    delivery: 'saas',
    category: 'SaaS',
    tags: ['监控', 'SaaS'],
    plans: [
      { planId: 'std', name: '标准版', duration: 1, unit: 'month', listPrice: 12_000, price: 9_900 },
      { planId: 'pro', name: '专业版', duration: 1, unit: 'month', listPrice: 32_000, price: 29_900 },
    ],
    requirementsTemplate: [],
    requirementsBeforeStart: false,
  });
  const reply = await createProduct(provider, content, now(), undefined, (p) => ({ status: 201, body: p }));
  const id = (reply.body as { productId: string }).productId;
  await changeProductStatus(provider, id, 'submit', {}, now());
  await changeProductStatus(operator, id, 'approve', {}, now());
  return id;
};

/**
 * A listed code product of the demo organisation (兑换码交付): 30 codes on 一年授权, 11 on 三年授权; the demo buyer
 * bought 2 of 三年授权 and revealed them, which left 9 and told the organisation the stock is low (库存不足).
 */
const seedCodeDemo = async (ids: Ids, provider: User, operator: User, now: () => Date) => {
  const content = demo('正版办公软件授权', '官方授权激活码，购买后即可查看', {
    serviceType: 'software',
    delivery: 'code',
    category: '软件授权',
    tags: ['授权', '激活码'],
    plans: [
      { planId: 'year', name: '一年授权', duration: 1, unit: 'year', listPrice: 39_900, price: 29_900 },
      { planId: 'three', name: '三年授权', duration: 3, unit: 'year', listPrice: 99_900, price: 79_900 },
    ],
    requirementsTemplate: [],
    requirementsBeforeStart: false,
  });
  const reply = await createProduct(provider, content, now(), undefined, (p) => ({ status: 201, body: p }));
  const productId = (reply.body as { productId: string }).productId;
  await changeProductStatus(provider, productId, 'submit', {}, now());
  await changeProductStatus(operator, productId, 'approve', {}, now());
  // codes of the shape licence keys have, random per seed
  const codes = (n: number) =>
    Array.from({ length: n }, () => (randomBytes(12).toString('hex').toUpperCase().match(/.{4}/g) ?? []).slice(0, 5).join('-'));
  await uploadCodes(ids.provider, productId, { planId: 'year', codes: codes(30) }, now());
  await uploadCodes(ids.provider, productId, { planId: 'three', codes: codes(11) }, now());
  const outcome = await createOrder(ids.buyer, { productId, planId: 'three', quantity: 2 }, now(), config.orders);
  if (outcome.kind !== 'done') throw new Error('a purchase without a key cannot be a replay');
  await runOrderCommand({ actor: { id: ids.buyer, role: 'buyer' }, orderId: outcome.result.order.orderId, command: { action: 'reveal' }, now: now(), rules: config.orders });
  return productId;
};

/** Demo products in several statuses; does nothing when the demo provider already has products. */
export const seedDemoData = async (ids: Ids, opts: { saas?: boolean } = {}) => {
  // data kept from an earlier run: its orders split into head and body (npm run migrate:items), its items get
  // the list rows the indexes read (npm run migrate:rows)
  await splitStoredItems(ddb, tableName);
  await backfillRows(ddb, tableName);
  await dropStaleIndexKeys(ddb, tableName);
  await seedOrganisations(ids);
  const provider = actingFor(ids.provider);
  const operator: User = { id: ids.operator, roles: ['operator'], memberships: [] };
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

  if (opts.saas) await seedSaasDemo(provider, operator, now);
  await seedCodeDemo(ids, provider, operator, now);
  await seedOrders(ids, listed, now);
  return `Seeded demo products (2 listed, one with a pending revision; in review; draft; rejected; delisted${opts.saas ? '; a listed SaaS product' : ''}; a listed code product with stock, one code order revealed), orders in every status, a conversation with an attachment and three ratings.`;
};

/** Orders of the demo buyer for the demo provider's listed product, one or more in every status. */
const seedOrders = async (ids: Ids, productId: string, now: () => Date) => {
  const buyer: Actor = { id: ids.buyer, role: 'buyer' };
  const provider: Actor = { id: ids.provider, role: 'provider' };
  const buy = async () => {
    const outcome = await createOrder(ids.buyer, { productId, planId: 'once', quantity: 1 }, now(), config.orders);
    if (outcome.kind !== 'done') throw new Error('a purchase without a key cannot be a replay');
    return outcome.result.order.orderId;
  };
  const step = (orderId: string, actor: Actor, command: CommandInput) =>
    runOrderCommand({ actor, orderId, command, now: now(), rules: config.orders });
  const answers = { host: '192.168.10.21', os: 'Ubuntu', backup: true };

  await buy(); // 待提交需求单
  const submitted = await buy();
  await step(submitted, buyer, { action: 'submit-requirements', answers });
  const implementing = await buy();
  await step(implementing, buyer, { action: 'submit-requirements', answers });
  await step(implementing, provider, { action: 'start' });
  await seedConversation(ids, implementing, now);
  const confirming = await buy();
  await step(confirming, buyer, { action: 'submit-requirements', answers });
  await step(confirming, provider, { action: 'start' });
  await step(confirming, provider, { action: 'complete', note: '已完成系统补丁与监控部署，监控面板账号已通过站内信发送。' });
  const completed = await buy();
  await step(completed, buyer, { action: 'submit-requirements', answers });
  await step(completed, provider, { action: 'start' });
  await step(completed, provider, { action: 'complete', note: '巡检报告已上传。' });
  await step(completed, buyer, { action: 'confirm' });
  const cancelled = await buy();
  await step(cancelled, buyer, { action: 'cancel', reason: '采购计划变更' });
  const disputed = await buy();
  await step(disputed, buyer, { action: 'submit-requirements', answers });
  await step(disputed, provider, { action: 'start' });
  for (let i = 1; i <= 3; i++) {
    await step(disputed, provider, { action: 'complete', note: `第 ${i} 次交付` });
    await step(disputed, buyer, { action: 'reject-completion', reason: `服务仍不可用（第 ${i} 次）` });
  }
  await step(disputed, buyer, { action: 'appeal', reason: '三次验收均未通过，申请平台介入' });

  // 评价: the completed order and two more, rated; the provider replies to one
  const rated = [completed];
  for (let i = 0; i < 2; i++) {
    const o = await buy();
    await step(o, buyer, { action: 'submit-requirements', answers });
    await step(o, provider, { action: 'start' });
    await step(o, provider, { action: 'complete', note: '已完成并交付文档。' });
    await step(o, buyer, { action: 'confirm' });
    rated.push(o);
  }
  const buyerUser: User = { id: ids.buyer, roles: ['buyer'] };
  const ratings = [
    { rating: 5, comment: '响应及时，巡检报告很专业。' },
    { rating: 4, comment: '整体满意，交付比预期晚了半天。' },
    { rating: 5 },
  ];
  for (const [i, orderId] of rated.entries()) await createReview(buyerUser, orderId, ratings[i], now());
  await replyToReview(actingFor(ids.provider), rated[1], '感谢反馈，已优化排期流程。', now());
};

/** 沟通: the parties talk on the order in progress, and the provider shares a file. */
const seedConversation = async (ids: Ids, orderId: string, now: () => Date) => {
  const say = (actor: Actor, input: Omit<CommandInputOf<'message'>, 'action'>) =>
    runOrderCommand({ actor, orderId, command: { action: 'message', ...input }, now: now(), rules: config.orders, checkReferences });
  await say({ id: ids.buyer, role: 'buyer' }, { text: '请在晚上 22 点后操作，白天业务高峰。' });
  const report = Buffer.from('巡检报告\n\nCPU 负载正常；磁盘 /data 使用率 81%，建议扩容。\n', 'utf8');
  const attachment = await grantAttachment(actingFor(ids.provider), orderId, {
    fileName: '巡检报告.txt',
    contentType: 'text/plain',
    size: report.length,
  }, now());
  const s3 = new S3Client({
    region: config.region,
    endpoint: config.attachments.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await s3.send(
    new PutObjectCommand({ Bucket: config.attachments.bucket, Key: attachment.objectKey, Body: report, ContentType: 'text/plain' }),
  );
  await say({ id: ids.provider, role: 'provider' }, { text: '收到，今晚操作。初步巡检报告见附件。', attachments: [attachment.attachmentId] });
};

import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { zh } from '../../lib/i18n/zh';
import { t, type MessageKey, type ParamsOf } from '../../lib/i18n';
import { z } from 'zod';
import { zodErrorMap } from '../../lib/http/language';
import { latinWords } from '../support/latin';

type ParamKey = { [K in MessageKey]: ParamsOf<K> extends undefined ? never : K }[MessageKey];
const named = { name: '服务器运维托管', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };

/** Parameters for every text that takes some (typed: a new parameterised key needs its sample here). */
const SAMPLES: { [K in ParamKey]: ParamsOf<K>[] } = {
  'detail.rolesOnly': [{ roles: ['provider'] }, { roles: ['provider', 'operator'] }, { roles: ['buyer'] }],
  'detail.memberRoleForbidden': [{ roles: ['admin', 'delivery'] }, { roles: ['admin'] }],
  'detail.notFound': (['product', 'order', 'rating', 'notification', 'delivery', 'webhook', 'resource', 'attachment', 'saasEndpoint', 'saasCall', 'member', 'invitation', 'organisation', 'application'] as const).map((thing) => ({ thing })),
  'detail.noSuchPlan': [{ planId: 'gold' }],
  'detail.invalidState': [
    { action: 'start', status: 'implementing' },
    { action: 'rate', status: 'awaiting_start' },
    { action: 'add-attachment', status: 'cancelled' },
    { action: 'takedown', status: 'delisted' },
    { action: 'submit', status: 'in_review' },
  ],
  'detail.productChanged': [{ version: 3, current: 4 }],
  'detail.tooManyAttachments': [{ max: 50 }],
  'detail.deliveryNotFailed': [{ status: 'succeeded' }, { status: 'pending' }],
  'detail.rateLimited': (['orders', 'products', 'messages', 'uploads', 'webhook-sends'] as const).map((name) => ({ limit: 20, name, seconds: 60 })),
  'field.nestedTooDeep': [{ max: 32 }],
  'field.fileExtension': [{ type: 'application/zip', extensions: ['zip'] }, { type: 'image/jpeg', extensions: ['jpg', 'jpeg'] }],
  'field.unknownKeys': [{ keys: ['gold'] }],
  'field.required': [{ label: '服务器地址' }],
  'field.oneOf': [{ label: '操作系统', options: ['麒麟', '统信'] }],
  'field.orderAttachment': [{ label: '授权书' }],
  'field.ofType': (['text', 'number', 'boolean'] as const).map((type) => ({ label: '核数', type })),
  'field.uploadTooLarge': [{ stored: 4097, granted: 4096 }],
  'field.uploadOtherType': [{ stored: 'text/html', granted: 'application/pdf' }, { granted: 'application/pdf' }],
  'field.hostUnresolved': [{ host: 'gold' }],
  'field.disallowedAddress': [{ host: 'gold' }],
  'field.periodTooLong': [{ days: 366 }],
  'field.answersAtMost': [{ max: 50 }],
  'field.templateBytes': [{ max: 16384 }],
  'field.contentType': [{ kinds: ['pdf', 'png'], types: ['application/pdf', 'image/png'] }],
  'field.attachmentSize': [{ max: 20 * 1024 * 1024 }],
  'notice.order.create.body': [named],
  'notice.order.submit-requirements.body': [named],
  'notice.order.reject-requirements.body': [{ ...named, reason: '信息不全' }],
  'notice.order.start.body': [named],
  'notice.order.complete.body': [{ ...named, note: '已完成' }],
  'notice.order.urge.body': [named],
  'notice.order.confirm.body': [named],
  'notice.order.reject-completion.body': [{ ...named, reason: '未完成' }],
  'notice.order.cancel.body': [named],
  'notice.order.appeal.body': [{ ...named, reason: '无进展' }],
  'notice.order.resolve.body': ['completed', 'cancelled', 'implementing'].map((outcome) => ({ ...named, outcome, note: '已处理' })),
  'notice.order.remind-provider.body': [named],
  'notice.order.remind-buyer.body': [named],
  'notice.order.auto-confirm.body': [named],
  'notice.order.message.body': [{ ...named, excerpt: '你好' }],
  'notice.order.auto-cancel.body': [named],
  'notice.order.provision.body': [named],
  'notice.order.renew.body': [{ ...named, periods: '2' }],
  'notice.order.change-plan.body': [
    { ...named, plan: '专业版', difference: '400.00' },
    { ...named, plan: '标准版', difference: '-103.23' },
    { ...named, plan: 'p2', difference: '' },
  ],
  'notice.order.refund.body': [{ ...named, reason: '不需要了' }],
  'notice.order.expire.body': [named],
  'notice.order.destroy.body': [named],
  'notice.product.approve.body': [named],
  'notice.product.reject.body': [{ ...named, reason: '信息不全' }],
  'notice.product.takedown.body': [{ ...named, reason: '违规' }],
  'notice.product.low-stock.body': [{ ...named, plan: '标准版', available: '9', mark: '10' }],
  'notice.provider.suspended.body': [{ ...named, reason: '资质过期' }],
  'notice.provider.reinstated.body': [named],
  'notice.product.submit.body': [named],
  // SaaS 接入
  'detail.saasEndpointRefused': [{ reason: 'gold', answer: 'gold' }],
  'field.saasEndpointRefused': [{ reason: 'gold' }],
  'detail.saasChecksMissing': [{ actions: 'gold' }],
  // redemption codes
  'detail.codesUploaded': [{ count: 3 }],
  'detail.codesPartlyUploaded': [{ added: 49 }],
  'detail.soldOut': [{ available: 2 }],
  // provider applications (入驻)
  'detail.applicationState': (['edit', 'withdraw', 'approve', 'reject'] as const).flatMap((action) =>
    ['pending', 'approved', 'rejected', 'withdrawn'].map((status) => ({ action, status })),
  ),
  'detail.applicationChanged': [{ version: 3, current: 4 }],
  'notice.application.approve.body': [named],
  'notice.application.reject.body': [{ ...named, reason: '营业执照不清晰' }],
  // operator search by organisation name
  'field.tooManyOrganisations': [{ max: 5 }],
};

const render = (lang: 'zh' | 'en', key: MessageKey, params?: unknown) => (t as (l: string, k: string, p?: unknown) => string)(lang, key, params);
const renderings = (lang: 'zh' | 'en') =>
  (Object.keys(en) as MessageKey[]).flatMap((key) =>
    key in SAMPLES ? SAMPLES[key as ParamKey].map((p) => ({ key, text: render(lang, key, p) })) : [{ key, text: render(lang, key) }],
  );

describe('the message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('write every Chinese text in Chinese: no English word but codes, ids and the values passed in', () => {
    const leaks = renderings('zh')
      .map(({ key, text }) => ({ key, text, words: latinWords(text, ['gold', 'text/html', 'application/pdf']) }))
      .filter((r) => r.words.length > 0 || !/[\u4e00-\u9fff]/.test(r.text));
    expect(leaks).toEqual([]);
  });

  it('names statuses, actions and roles in Chinese, not by their canonical English names', () => {
    expect(t('zh', 'detail.invalidState', { action: 'start', status: 'implementing' })).toBe('当前状态（实施中）下不能执行「开始实施」。');
    expect(t('zh', 'detail.rolesOnly', { roles: ['provider', 'operator'] })).toBe('此操作仅限服务商或运营账号。');
    expect(t('en', 'detail.invalidState', { action: 'start', status: 'implementing' })).toBe('Cannot start the work while the status is implementing.');
  });

  it('has zod’s own messages name every type in Chinese', () => {
    const error = zodErrorMap('zh')!;
    const refusals: [z.ZodType, unknown][] = [
      [z.string().max(3), 'abcdef'],
      [z.string().trim().min(1), '  '],
      [z.array(z.number()).max(1), [1, 2]],
      [z.number().int().min(1), 0],
      [z.number().int(), 1.5],
      [z.object({ a: z.string() }), {}],
      [z.boolean(), 'x'],
      [z.record(z.string(), z.string()), 1],
      [z.iso.date(), 'x'],
      [z.enum(['draft', 'listed']), 'gone'],
    ];
    const messages = refusals.flatMap(([schema, value]) => schema.safeParse(value, { error }).error!.issues.map((i) => i.message));
    expect(messages.filter((m) => latinWords(m).length > 0)).toEqual([]);
  });
});

import { formatTime } from '../app/format';
import { Card, Descriptions, Space, Tag, Timeline } from 'tdesign-react';
import type { Order, OrderStatus, TimelineEntry } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { AttachmentLinks } from './attachment-links';

const when = (iso: string, _lang?: string) => formatTime(iso);

/** The buyer's requirements (需求单) rendered with the product's form labels; file answers are attachments. */
export const RequirementsView = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const template = order.product.requirementsTemplate ?? [];
  const answers = order.requirements.answers ?? {};
  const status = order.requirements.status;
  const show = (v: unknown) => (typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v ?? '—'));
  return (
    <Card
      bordered
      title={
        <Space align="center">
          {t('orders.requirements')}
          <Tag variant="light" theme={status === 'rejected' ? 'danger' : status === 'none' ? 'default' : 'success'}>
            {t(`orders.requirementsStatus.${status}` as MessageKey)}
          </Tag>
        </Space>
      }
    >
      {order.requirements.reason && (
        <p>
          <strong>{t('orders.requirementsReason')}：</strong>
          {order.requirements.reason}
        </p>
      )}
      {status === 'none' && Object.keys(answers).length === 0 ? (
        <p>{t('orders.requirementsNone')}</p>
      ) : (
        <Descriptions
          column={1}
          bordered
          items={[
            ...template.map((f) => ({
              label: f.label,
              content: f.type === 'file' ? <AttachmentLinks order={order} ids={[answers[f.key]].flat().filter((id): id is string => typeof id === 'string' && id !== '')} /> : show(answers[f.key]),
            })),
            ...Object.keys(answers)
              .filter((k) => !template.some((f) => f.key === k))
              .map((k) => ({ label: k, content: show(answers[k]) })),
          ]}
        />
      )}
    </Card>
  );
};

/** The delivery note of 实施完成 with its attachments. */
export const DeliveryView = ({ order }: { order: Order }) => {
  const { t, lang } = useI18n();
  if (!order.delivery) return null;
  return (
    <Card bordered title={t('orders.delivery')}>
      <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>{order.delivery.note}</p>
      {order.delivery.at && (
        <p style={{ color: 'var(--td-text-color-secondary)' }}>
          {t('orders.deliveredAt')}: {when(order.delivery.at, lang)}
        </p>
      )}
      <AttachmentLinks order={order} ids={order.delivery.attachments ?? []} />
    </Card>
  );
};

const actorName = (entry: TimelineEntry, t: (k: MessageKey) => string) =>
  (['buyer', 'provider', 'operator', 'system'] as const).includes(entry.role as never)
    ? t(`orders.actor.${entry.role}` as MessageKey)
    : entry.role;

const DATA_KEYS: Partial<Record<string, MessageKey>> = { reason: 'orders.reason', note: 'orders.note' };

/** 监管记录: the order's append-only record as a vertical timeline, with both parties' status names. */
export const OrderTimeline = ({ order }: { order: Order }) => {
  const { t, lang } = useI18n();
  // The buyer's name for 待实施 depends on the requirements form: 待提交需求单 while a form with fields is
  // due (from the order until it is submitted, again after 驳回需求), 待服务商实施 after (as the API's labels).
  const hasForm = (order.product.requirementsTemplate?.length ?? 0) > 0;
  const label = (side: 'provider' | 'buyer', status: OrderStatus, formDue: boolean) =>
    t((side === 'buyer' && status === 'awaiting_start' && formDue ? 'orderStatus.buyer.awaiting_requirements' : `orderStatus.${side}.${status}`) as MessageKey);
  let formDue = hasForm;
  const entries = (order.timeline ?? []).map((e) => {
    const before = formDue;
    if (e.action === 'submit-requirements') formDue = false;
    if (e.action === 'reject-requirements') formDue = hasForm;
    return { e, before, after: formDue };
  });
  return (
    <Card bordered title={t('orders.timeline')}>
      <Timeline mode="same" labelAlign="left">
        {entries.map(({ e, before, after }) => {
          const from = e.from ?? null;
          const to = e.to ?? null;
          const side = (s: 'provider' | 'buyer') => {
            if (!to) return null;
            const next = label(s, to, after);
            const prev = from ? label(s, from, before) : null;
            return prev === null ? next : prev === next ? null : `${prev} → ${next}`;
          };
          const provider = side('provider');
          const buyer = side('buyer');
          const note = Object.entries(e.data ?? {}).filter(([k, v]) => DATA_KEYS[k] && typeof v === 'string');
          return (
            <Timeline.Item
              key={e.entryId}
              dotColor={e.action === 'appeal' || e.action.startsWith('reject') ? 'error' : e.action === 'confirm' || e.action === 'auto-confirm' ? 'success' : 'primary'}
            >
              <div>
                <strong>{t(`action.${e.action}` as MessageKey) ?? e.action}</strong>
                <span style={{ marginLeft: 8, color: 'var(--td-text-color-secondary)', fontSize: 12 }}>
                  {actorName(e, t)} · {when(e.at, lang)}
                </span>
              </div>
              {(provider || buyer) && (
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  {provider && (
                    <span style={{ marginRight: 12 }}>
                      {t('orders.actor.provider')}: {provider}
                    </span>
                  )}
                  {buyer && (
                    <span>
                      {t('orders.actor.buyer')}: {buyer}
                    </span>
                  )}
                </div>
              )}
              {note.map(([k, v]) => (
                <div key={k} style={{ fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap' }}>
                  {t(DATA_KEYS[k]!)}：{String(v)}
                </div>
              ))}
              {e.action === 'message' && typeof e.data?.text === 'string' && (
                <div style={{ fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.data.text}</div>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
};

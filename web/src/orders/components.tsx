import { formatTime } from '../app/format';
import { useState } from 'react';
import { Card, Descriptions, Form, Space, Tag, Textarea, Timeline } from 'tdesign-react';
import { Button } from '../app/button';
import type { Attachment, Order, OrderStatus, TimelineEntry } from '../api/types';
import { Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n, type MessageKey } from '../i18n';
import { downloadAttachment, usePostMessage } from './hooks';

const when = (iso: string, _lang?: string) => formatTime(iso);

const AttachmentLinks = ({ orderId, items }: { orderId: string; items?: unknown }) => {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const list = (Array.isArray(items) ? items : []).map((a) => (typeof a === 'string' ? { attachmentId: a } : (a as Attachment)));
  if (list.length === 0) return null;
  return (
    <Space direction="vertical" size={4}>
      <Space size={4} breakLine>
        {list.map((a) => (
          <Button
            key={a.attachmentId}
            size="small"
            variant="outline"
            onClick={() => downloadAttachment(orderId, a.attachmentId, a.fileName).catch(setError)}
            aria-label={`${t('orders.download')} ${a.fileName ?? a.attachmentId}`}
          >
            📎 {a.fileName ?? a.attachmentId}
          </Button>
        ))}
      </Space>
      {error ? <ProblemAlert error={error} /> : null}
    </Space>
  );
};

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
              content: f.type === 'file' ? <AttachmentLinks orderId={order.orderId} items={[answers[f.key]].flat().filter(Boolean)} /> : show(answers[f.key]),
            })),
            ...Object.keys(answers)
              .filter((k) => !template.some((f) => f.key === k))
              .map((k) => ({ label: k, content: show(answers[k]) })),
          ]}
        />
      )}
      <AttachmentLinks orderId={order.orderId} items={order.requirements.attachments} />
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
      <AttachmentLinks orderId={order.orderId} items={order.delivery.attachments} />
    </Card>
  );
};

const actorName = (entry: TimelineEntry, t: (k: MessageKey) => string) =>
  (['buyer', 'provider', 'operator', 'system'] as const).includes(entry.role as never)
    ? t(`orders.actor.${entry.role}` as MessageKey)
    : entry.role;

/** The conversation (沟通): the record's messages and a box to write one. */
export const Conversation = ({ order, canWrite = true }: { order: Order; canWrite?: boolean }) => {
  const { t, lang } = useI18n();
  const post = usePostMessage();
  const [text, setText] = useState('');
  const messages = (order.timeline ?? []).filter((e) => e.action === 'message');
  const send = async () => {
    if (!text.trim() || post.isPending) return;
    try {
      await post.mutateAsync({ orderId: order.orderId, text: text.trim() });
      setText('');
    } catch {
      // shown below
    }
  };
  return (
    <Card bordered title={t('orders.conversation')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {messages.length === 0 && <p style={{ color: 'var(--td-text-color-secondary)' }}>{t('orders.noMessages')}</p>}
        {messages.map((m) => (
          <div key={m.entryId} style={{ borderLeft: '3px solid var(--td-brand-color-light)', paddingLeft: 10 }}>
            <div style={{ fontSize: 12, color: 'var(--td-text-color-secondary)' }}>
              {actorName(m, t)} · {when(m.at, lang)}
            </div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{String(m.data?.text ?? '')}</div>
            <AttachmentLinks orderId={order.orderId} items={m.data?.attachments} />
          </div>
        ))}
        {canWrite && order.status !== 'cancelled' && (
          <Form labelAlign="top" onSubmit={() => void send()} preventSubmitDefault>
            <Field label={t('orders.message')} error={fieldErrors(post.error).text}>
              <Textarea value={text} onChange={(v) => setText(String(v))} placeholder={t('orders.messagePlaceholder')} autosize={{ minRows: 2, maxRows: 6 }} maxlength={2000} />
            </Field>
            <Button type="submit" loading={post.isPending} disabled={post.isPending || !text.trim()}>
              {t('orders.send')}
            </Button>
          </Form>
        )}
        {post.error ? <ProblemAlert error={post.error} showFields={false} /> : null}
      </Space>
    </Card>
  );
};

const DATA_KEYS: Partial<Record<string, MessageKey>> = { reason: 'orders.reason', note: 'orders.note' };

/** 监管记录: the order's append-only record as a vertical timeline, with both parties' status names. */
export const OrderTimeline = ({ order }: { order: Order }) => {
  const { t, lang } = useI18n();
  const label = (entry: TimelineEntry, side: 'provider' | 'buyer', status: OrderStatus) =>
    entry.labels?.[side] ?? t(`orderStatus.${side}.${status}` as MessageKey);
  const entries = order.timeline ?? [];
  return (
    <Card bordered title={t('orders.timeline')}>
      <Timeline mode="same" labelAlign="left">
        {entries.map((e) => {
          const changed = e.to && e.from !== e.to;
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
              {changed && e.to && (
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  <span>
                    {t('orders.actor.provider')}: {e.from ? `${label(e, 'provider', e.from)} → ` : ''}
                    {label(e, 'provider', e.to)}
                  </span>
                  <span style={{ marginLeft: 12 }}>
                    {t('orders.actor.buyer')}: {e.from ? `${label(e, 'buyer', e.from)} → ` : ''}
                    {label(e, 'buyer', e.to)}
                  </span>
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

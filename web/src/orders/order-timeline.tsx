import { Space, Tag, Timeline } from 'tdesign-react';
import type { OrderStatus, TimelineEntry } from '../api/types';
import { shortId, when } from '../app/format';
import { useSession } from '../app/session';
import { useI18n, type MessageKey } from '../i18n';
import { AttachmentLinks } from './attachment-links';
import type { OrderView } from './order-hooks';

const DOT: Record<string, string> = {
  create: 'primary',
  start: 'primary',
  complete: 'primary',
  confirm: 'success',
  'auto-confirm': 'success',
  resolve: 'success',
  cancel: 'default',
  'auto-cancel': 'default',
  appeal: 'error',
  'reject-completion': 'warning',
  'reject-requirements': 'warning',
  urge: 'warning',
  remind: 'default',
  message: 'default',
};

/** Each party's name for a canonical status, as the API names them (服务商端 / 用户端). */
export const useSideLabels = () => {
  const { t } = useI18n();
  return (status: OrderStatus | null, needsForm = false) =>
    status
      ? {
          provider: t(`orderStatus.provider.${status}` as MessageKey),
          buyer: t((status === 'awaiting_start' && needsForm ? 'orderStatus.buyer.awaiting_requirements' : `orderStatus.buyer.${status}`) as MessageKey),
        }
      : undefined;
};

/** What an entry carried: requirements answers, a note, a reason, a message, an outcome. */
const EntryData = ({ entry, order }: { entry: TimelineEntry; order: OrderView }) => {
  const { t } = useI18n();
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const lines: [string, string][] = [];
  if (typeof data.text === 'string') lines.push([t('conversation.text'), data.text]);
  if (typeof data.note === 'string') lines.push([entry.action === 'resolve' ? t('appeals.note') : t('order.delivery'), data.note]);
  if (typeof data.reason === 'string') lines.push([t('order.reason'), data.reason]);
  if (typeof data.outcome === 'string') lines.push([t('appeals.outcome'), t(`appeals.outcome.${data.outcome}` as MessageKey)]);
  const answers = data.answers as Record<string, unknown> | undefined;
  if (answers) {
    const labels = new Map(order.product.requirementsTemplate?.map((f) => [f.key, f.label]) ?? []);
    for (const [k, v] of Object.entries(answers)) {
      const file = order.attachments?.find((a) => a.attachmentId === v);
      lines.push([labels.get(k) ?? k, file ? (file.fileName ?? String(v)) : typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v)]);
    }
  }
  const files = Array.isArray(data.attachments) ? (data.attachments as string[]) : [];
  if (lines.length === 0 && files.length === 0) return null;
  return (
    <div className="timeline-data">
      {lines.map(([k, v], i) => (
        <div key={i}>
          <span className="timeline-key">{k}：</span>
          <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
        </div>
      ))}
      {files.length > 0 && <AttachmentLinks order={order} ids={files} />}
    </div>
  );
};

/** 监管记录: every action on the order, oldest first, with who acted and both parties' status names. */
export const OrderTimeline = ({ order }: { order: OrderView }) => {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const side = useSideLabels();
  const needsForm = (order.product.requirementsTemplate?.length ?? 0) > 0;
  const entries = order.timeline ?? [];
  return (
    <Timeline mode="same" labelAlign="left" aria-label={t('timeline.title')}>
      {entries.map((e, i) => {
        // The buyer's name for 待实施 depends on whether a form is still owed at that point.
        const formOwed = needsForm && !entries.slice(0, i + 1).some((x) => x.action === 'submit-requirements' || x.action === 'start');
        const from = side(e.from, formOwed);
        const to = side(e.to, formOwed);
        const changed = e.from !== e.to && to;
        const actor = e.actor === 'system' ? t('orders.actor.system') : e.actor === session?.userId ? `${t(`orders.actor.${e.role}` as MessageKey)}（${lang === 'en-US' ? 'you' : '你'}）` : `${t(`orders.actor.${e.role}` as MessageKey)} ${shortId(e.actor)}`;
        return (
          <Timeline.Item key={e.entryId} dotColor={DOT[e.action] ?? 'primary'} label={when(e.at, lang)}>
            <Space direction="vertical" size={2}>
              <Space size={8} align="center" breakLine>
                <strong>{t(`action.${e.action}` as MessageKey)}</strong>
                <span className="muted">{actor}</span>
              </Space>
              {changed && (
                <Space size={6} breakLine className="timeline-status">
                  <Tag size="small" variant="light">
                    {t('order.providerSees')}：{from ? `${from.provider} → ` : ''}
                    {to.provider}
                  </Tag>
                  <Tag size="small" variant="light" theme="primary">
                    {t('order.buyerSees')}：{from ? `${from.buyer} → ` : ''}
                    {to.buyer}
                  </Tag>
                </Space>
              )}
              <EntryData entry={e} order={order} />
            </Space>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
};

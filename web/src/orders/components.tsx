import { formatTime, money } from '../app/format';
import { Card, Descriptions, Space, Timeline } from 'tdesign-react';
import { isOneOf, MEMBER_ROLES, RESOLUTION_OUTCOMES, type Order, type TimelineEntry } from '../api/types';
import { REQUIREMENTS_STATUS, StatusTag } from '../app/status-tags';
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
          <StatusTag entry={REQUIREMENTS_STATUS[status]} />
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
  if (!order.deliveryNote) return null;
  return (
    <Card bordered title={t('orders.delivery')}>
      <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>{order.deliveryNote.note}</p>
      {order.deliveryNote.at && (
        <p style={{ color: 'var(--td-text-color-secondary)' }}>
          {t('orders.deliveredAt')}: {when(order.deliveryNote.at, lang)}
        </p>
      )}
      <AttachmentLinks order={order} ids={order.deliveryNote.attachments ?? []} />
    </Card>
  );
};

const ACTORS: Record<string, MessageKey> = {
  buyer: 'orders.actor.buyer',
  provider: 'orders.actor.provider',
  operator: 'orders.actor.operator',
  system: 'orders.actor.system',
};

/**
 * Who acted: by name when the API gives one ("张三 · 交付" to the organisation's own members, the organisation's
 * name to a buyer), else by role (用户, 服务商, 运营, 系统); a role the console does not know by its own name.
 */
export const actorName = (entry: Pick<TimelineEntry, 'role'> & { actorName?: string | null; memberRole?: string }, t: (k: MessageKey) => string) => {
  const key = ACTORS[entry.role];
  const role = key ? t(key) : entry.role;
  if (!entry.actorName) return role;
  const member = entry.memberRole && isOneOf(MEMBER_ROLES, entry.memberRole) ? t(`memberRole.${entry.memberRole}`) : undefined;
  return member ? `${entry.actorName} · ${member}` : `${entry.actorName}（${role}）`;
};

const DATA_KEYS: Partial<Record<string, MessageKey>> = { reason: 'orders.reason', note: 'orders.note' };
/** The operator's ruling (裁决) says 裁决说明, not the provider's 交付说明. */
const RULING_KEYS: Partial<Record<string, MessageKey>> = { reason: 'orders.reason', note: 'appeals.note' };

/** Who reads the record: a party sees its own status names; the operator (no side) both parties'. */
export type Side = 'provider' | 'buyer';

/**
 * 监管记录: the order's append-only record as a vertical timeline; a status change is named for both
 * parties by the entry's `labels` from the API (before → after, nothing where a party's name stays), so the
 * console keeps no rule of its own for the buyer's 待提交需求单.
 */
export const OrderTimeline = ({ order, side }: { order: Order; side?: Side }) => {
  const { t, lang } = useI18n();
  const entries = order.timeline ?? [];
  return (
    <Card bordered title={t('orders.timeline')}>
      <Timeline mode="same" labelAlign="left">
        {entries.map((e) => {
          const change = (side: 'provider' | 'buyer') => {
            const next = e.labels.to[side];
            const prev = e.labels.from?.[side];
            return prev === undefined ? next : prev === next ? null : `${prev} → ${next}`;
          };
          // each party's label is worded for that party ("Awaiting your confirmation" is the buyer's): a party reads its own
          const provider = side === 'buyer' ? null : change('provider');
          const buyer = side === 'provider' ? null : change('buyer');
          const outcome = e.action === 'resolve' && isOneOf(RESOLUTION_OUTCOMES, e.data.outcome) ? e.data.outcome : undefined;
          const note = Object.entries(e.data).flatMap(([k, v]) => {
            const key = (e.action === 'resolve' ? RULING_KEYS : DATA_KEYS)[k];
            return key && typeof v === 'string' ? [{ k, label: t(key), v }] : [];
          });
          return (
            <Timeline.Item
              key={e.entryId}
              dotColor={e.action === 'appeal' || e.action.startsWith('reject') ? 'error' : e.action === 'confirm' || e.action === 'auto-confirm' ? 'success' : 'primary'}
            >
              <div>
                <strong>{t(`action.${e.action}`)}</strong>
                <span style={{ marginLeft: 8, color: 'var(--td-text-color-secondary)', fontSize: 12 }}>
                  {actorName(e, t)} · {when(e.at, lang)}
                </span>
              </div>
              {(provider || buyer) && (
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  {provider && (
                    <span style={{ marginRight: 12 }}>
                      {side ? provider : `${t('orders.actor.provider')}: ${provider}`}
                    </span>
                  )}
                  {buyer && <span>{side ? buyer : `${t('orders.actor.buyer')}: ${buyer}`}</span>}
                </div>
              )}
              {outcome && (
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  {t('appeals.outcome')}：{t(`appeals.outcome.${outcome}`)}
                </div>
              )}
              {note.map(({ k, label, v }) => (
                <div key={k} style={{ fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap' }}>
                  {label}：{v}
                </div>
              ))}
              {typeof e.data.latencyMs === 'number' && typeof e.data.action === 'string' && (
                <div className="mono" style={{ fontSize: 12, marginTop: 4 }}>
                  {t('saas.call', { action: e.data.action, status: String(e.data.status || '—'), latency: e.data.latencyMs })}
                  {typeof e.data.signId === 'string' ? ` · signId ${e.data.signId}` : ''}
                </div>
              )}
              {e.action === 'change-plan' && typeof e.data.difference === 'number' && (
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  {t('saas.planChanged', { from: String(e.data.fromPlanName ?? e.data.fromPlanId ?? ''), to: String(e.data.planName ?? e.data.planId ?? '') })}
                  {' · '}
                  {e.data.difference > 0
                    ? t('saas.differencePaid', { amount: money(e.data.difference, lang) })
                    : e.data.difference < 0
                      ? t('saas.differenceRefunded', { amount: money(-e.data.difference, lang) })
                      : t('saas.differenceNone')}
                  {typeof e.data.amount === 'number' ? ` · ${t('saas.amountAfter', { amount: money(e.data.amount, lang) })}` : ''}
                </div>
              )}
              {e.action === 'message' && typeof e.data.text === 'string' && (
                <div style={{ fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.data.text}</div>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
};

import { useState } from 'react';
import { Alert, Card, Form, InputNumber, Select, Space } from 'tdesign-react';
import type { Order } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { Field } from '../app/field';
import { formatTime, money } from '../app/format';
import { InfoList } from '../app/info-list';
import { useI18n } from '../i18n';
import { offer } from '../orders/actions';
import { useChangePlan, useRefundOrder, useRenewOrder } from '../orders/hooks';

/** A SaaS order's instance (spec 3.1): 开通中 until the provider's system answers, then its address, 免登录 link, information and expiry. */
export const SaasInstanceCard = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  if (order.instance === undefined) return null;
  const i = order.instance;
  return (
    <Card title={t('saas.instance')} bordered>
      {!i ? (
        <Alert theme="info" message={t('saas.provisioning')} />
      ) : (
        <InfoList
          bordered
          column={1}
          items={[
            ...(i.website ? [{ label: t('saas.website'), content: <a href={i.website} target="_blank" rel="noreferrer">{i.website}</a> }] : []),
            ...(i.authUrl ? [{ label: t('saas.authUrl'), content: <a href={i.authUrl} target="_blank" rel="noreferrer">{t('saas.authUrlOpen')}</a> }] : []),
            ...i.additionalInfo.map((a) => ({ label: a.name, content: <span style={{ overflowWrap: 'anywhere' }}>{a.value}</span> })),
            { label: t('saas.expiresAt'), content: i.expiresAt ? formatTime(i.expiresAt) : t('saas.never') },
            { label: t('saas.signId'), content: <span className="mono">{i.signId}</span> },
          ]}
        />
      )}
    </Card>
  );
};

/** The buyer's SaaS buttons, each with its confirmation: 续费, 变更规格, 申请退款 (those the API's `actions` list). */
export const SaasActions = ({ order }: { order: Order }) => {
  const { t, lang } = useI18n();
  const renew = useRenewOrder();
  const changePlan = useChangePlan();
  const refund = useRefundOrder();
  const [periods, setPeriods] = useState(1);
  const plans = (order.saasPlans ?? []).filter((p) => p.unit === order.product.plan.unit && p.planId !== order.planId);
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const id = order.orderId;
  const renewOffer = offer(order, 'renew');
  const changeOffer = offer(order, 'change-plan');
  const refundOffer = offer(order, 'refund');
  // the difference the API quotes for the chosen plan, as the order is now
  const quote = order.actions?.find((a) => a.action === 'change-plan')?.quotes?.find((q) => q.planId === planId);
  return (
    <Space size={8} breakLine>
      {renewOffer.shown && (
        <ConfirmAction
          label={t('saas.renew')}
          body={t('saas.renewBody')}
          command={renew}
          refusal={renewOffer.refusal}
          vars={{ orderId: id, body: { periods } }}
          extra={
            <Form labelAlign="top">
              <Field label={t('saas.periods')}>
                <InputNumber value={periods} min={1} max={36} step={1} theme="normal" onChange={(v) => setPeriods(Math.max(1, Math.min(36, Math.round(Number(v) || 1))))} />
              </Field>
            </Form>
          }
          onClose={() => setPeriods(1)}
        />
      )}
      {changeOffer.shown && plans.length > 0 && (
        <ConfirmAction
          label={t('saas.changePlan')}
          variant="outline"
          body={t('saas.changePlanBody')}
          command={changePlan}
          refusal={changeOffer.refusal}
          busy={!planId}
          vars={{ orderId: id, body: { planId: planId ?? '' } }}
          extra={
            <Form labelAlign="top">
              <Field label={t('saas.newPlan')}>
                <Select value={planId} onChange={(v) => setPlanId(String(v))} options={plans.map((p) => ({ value: p.planId, label: t('saas.planOption', { name: p.name, price: money(p.price, lang) }) }))} />
              </Field>
              {quote && (
                <p role="status">
                  {quote.difference > 0
                    ? t('saas.quotePaid', { amount: money(quote.difference, lang) })
                    : quote.difference < 0
                      ? t('saas.quoteRefunded', { amount: money(-quote.difference, lang) })
                      : t('saas.differenceNone')}
                </p>
              )}
            </Form>
          }
          onClose={() => setPlanId(undefined)}
        />
      )}
      {refundOffer.shown && (
        <ConfirmAction
          label={t('saas.refund')}
          variant="outline"
          theme="danger"
          body={t('saas.refundBody')}
          command={refund}
          refusal={refundOffer.refusal}
          input={{ label: t('order.reason'), field: 'reason', required: true }}
          vars={(reason: string) => ({ orderId: id, body: { reason } })}
        />
      )}
    </Space>
  );
};

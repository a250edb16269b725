import { useState } from 'react';
import { Form, Textarea } from 'tdesign-react';
import { Button } from '../app/button';
import { Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import type { Order } from '../api/types';
import { useRateOrder } from '../orders/hooks';
import { OrderRating, RatingInput } from '../orders/order-rating';

/** 评价 after completion: once, 1–5 stars and an optional comment; afterwards the rating, its reply, and 修改 while allowed. */
export const OrderReview = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const rate = useRateOrder();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const errors = fieldErrors(rate.error);
  if (order.review) return <OrderRating order={order} side="buyer" />;
  const submit = () => {
    if (rate.isPending || rating < 1) return;
    rate.mutate({ orderId: order.orderId, body: { rating, ...(comment.trim() ? { comment } : {}) } });
  };
  return (
    <Form labelAlign="top" onSubmit={submit} preventSubmitDefault aria-label={t('order.reviewTitle')}>
      <Field label={t('order.rating')} required error={errors.rating}>
        <RatingInput value={rating} onChange={setRating} label={t('order.rating')} />
      </Field>
      <Field label={t('order.comment')} error={errors.comment}>
        <Textarea value={comment} onChange={(v) => setComment(String(v))} maxlength={500} autosize={{ minRows: 2, maxRows: 5 }} />
      </Field>
      {rate.error && !errors.rating && !errors.comment ? <ProblemAlert error={rate.error} /> : null}
      <Button type="submit" loading={rate.isPending} disabled={rate.isPending || rating < 1}>
        {t('order.submitReview')}
      </Button>
    </Form>
  );
};

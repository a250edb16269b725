import { useState } from 'react';
import { Form } from 'tdesign-react';
import { Button } from '../app/button';
import { useI18n } from '../i18n';
import type { Order } from '../api/types';
import { useRateOrder } from '../orders/hooks';
import { OrderRating, RatingFields } from '../orders/order-rating';

/** 评价 after completion: once, 1–5 stars and an optional comment; afterwards the rating, its reply, and 修改 while allowed. */
export const OrderReview = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const rate = useRateOrder();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  if (order.review) return <OrderRating order={order} side="buyer" />;
  const submit = () => {
    if (rate.isPending || rating < 1) return;
    rate.mutate({ orderId: order.orderId, body: { rating, ...(comment.trim() ? { comment } : {}) } });
  };
  return (
    <Form labelAlign="top" onSubmit={submit} preventSubmitDefault aria-label={t('order.reviewTitle')}>
      <RatingFields rating={rating} onRating={setRating} comment={comment} onComment={setComment} error={rate.error} />
      <Button type="submit" loading={rate.isPending} disabled={rate.isPending || rating < 1}>
        {t('order.submitReview')}
      </Button>
    </Form>
  );
};

import { useState } from 'react';
import { Form, Rate, Space, Textarea } from 'tdesign-react';
import { Button } from '../app/button';
import { formatTime } from '../app/format';
import { Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import type { Order } from '../api/types';
import { useRateOrder } from '../orders/hooks';

/** 评价 after completion: once, 1–5 stars and an optional comment; afterwards the rating and any reply. */
export const OrderReview = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const rate = useRateOrder();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const errors = fieldErrors(rate.error);
  if (order.review) {
    return (
      <Space direction="vertical" size={4}>
        <Rate value={order.review.rating} disabled aria-label={`${t('order.rating')} ${order.review.rating}/5`} />
        {order.review.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{order.review.comment}</div>}
        <span className="muted">{formatTime(order.review.createdAt)}</span>
        {order.review.reply && (
          <div className="reply">
            <strong>{t('product.reply')}：</strong>
            {order.review.reply.text}
          </div>
        )}
      </Space>
    );
  }
  const submit = () => {
    if (rate.isPending || rating < 1) return;
    rate.mutate({ orderId: order.orderId, body: { rating, ...(comment.trim() ? { comment } : {}) } });
  };
  return (
    <Form labelAlign="top" onSubmit={submit} preventSubmitDefault aria-label={t('order.reviewTitle')}>
      <Field label={t('order.rating')} required error={errors.rating}>
        {/* TDesign's Rate takes clicks only: the wrapper makes it a labelled slider for the keyboard. */}
        <div
          role="slider"
          tabIndex={0}
          aria-label={t('order.rating')}
          aria-valuemin={0}
          aria-valuemax={5}
          aria-valuenow={rating}
          aria-valuetext={`${rating} / 5`}
          className="rate-slider"
          onKeyDown={(e) => {
            const next = { ArrowRight: rating + 1, ArrowUp: rating + 1, ArrowLeft: rating - 1, ArrowDown: rating - 1, Home: 1, End: 5 }[e.key];
            if (next === undefined) return;
            e.preventDefault();
            setRating(Math.max(1, Math.min(5, next)));
          }}
        >
          <Rate value={rating} onChange={(v) => setRating(Number(v))} />
        </div>
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

import { useState } from 'react';
import { Form, Rate, Space, Textarea } from 'tdesign-react';
import type { Order } from '../api/types';
import { Button } from '../app/button';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { useEditRating, useReplyRating } from './hooks';

/** 1–5 stars: TDesign's Rate takes clicks only, so a labelled slider wraps it for the keyboard. */
export const RatingInput = ({ value, onChange, label }: { value: number; onChange: (v: number) => void; label: string }) => (
  <div
    role="slider"
    tabIndex={0}
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={5}
    aria-valuenow={value}
    aria-valuetext={`${value} / 5`}
    className="rate-slider"
    onKeyDown={(e) => {
      const next = { ArrowRight: value + 1, ArrowUp: value + 1, ArrowLeft: value - 1, ArrowDown: value - 1, Home: 1, End: 5 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      onChange(Math.max(1, Math.min(5, next)));
    }}
  >
    <Rate value={value} onChange={(v) => onChange(Number(v))} />
  </div>
);

/** The stars and the comment of a rating, with the API's refusal under the field it names (评价 and 修改评价). */
export const RatingFields = (p: {
  rating: number;
  onRating: (v: number) => void;
  comment: string;
  onComment: (v: string) => void;
  error: unknown;
}) => {
  const { t } = useI18n();
  const errors = fieldErrors(p.error);
  return (
    <>
      <Field label={t('order.rating')} required error={errors.rating}>
        <RatingInput value={p.rating} onChange={p.onRating} label={t('order.rating')} />
      </Field>
      <Field label={t('order.comment')} error={errors.comment}>
        <Textarea value={p.comment} onChange={(v) => p.onComment(String(v))} maxlength={500} autosize={{ minRows: 2, maxRows: 5 }} />
      </Field>
      {p.error && !errors.rating && !errors.comment ? <ProblemAlert error={p.error} /> : null}
    </>
  );
};

/** The buyer's 修改评价, while the API's edit window (`editableUntil`) is open. */
const EditRating = ({ order, onDone }: { order: Order; onDone: () => void }) => {
  const { t } = useI18n();
  const edit = useEditRating();
  const review = order.review!;
  const [rating, setRating] = useState(review.rating);
  const [comment, setComment] = useState(review.comment ?? '');
  const save = () => {
    if (edit.isPending) return;
    edit.mutate({ orderId: order.orderId, body: { rating, comment: comment.trim() } }, { onSuccess: onDone });
  };
  return (
    <Form labelAlign="top" onSubmit={save} preventSubmitDefault aria-label={t('order.editReview')}>
      <RatingFields rating={rating} onRating={setRating} comment={comment} onComment={setComment} error={edit.error} />
      <Space>
        <Button type="submit" loading={edit.isPending} disabled={edit.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="outline" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
};

/** The provider's one 回复 to the rating. */
const ReplyForm = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const reply = useReplyRating();
  const [text, setText] = useState('');
  const errors = fieldErrors(reply.error);
  const send = () => {
    if (reply.isPending || !text.trim()) return;
    reply.mutate({ orderId: order.orderId, body: { text: text.trim() } });
  };
  return (
    <Form labelAlign="top" onSubmit={send} preventSubmitDefault aria-label={t('order.replyTitle')}>
      <Field label={t('order.replyText')} error={errors.text}>
        <Textarea value={text} onChange={(v) => setText(String(v))} maxlength={500} autosize={{ minRows: 2, maxRows: 5 }} />
      </Field>
      {reply.error && !errors.text ? <ProblemAlert error={reply.error} /> : null}
      <Button type="submit" loading={reply.isPending} disabled={reply.isPending || !text.trim()}>
        {t('order.reply')}
      </Button>
    </Form>
  );
};

/**
 * An order's rating: stars, comment, time and the provider's reply; its buyer may 修改 it within the edit
 * window, its provider 回复 it once (both as the API allows).
 */
export const OrderRating = ({ order, side }: { order: Order; side: 'buyer' | 'provider' }) => {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const review = order.review;
  if (!review) return null;
  if (editing) return <EditRating order={order} onDone={() => setEditing(false)} />;
  const editable = side === 'buyer' && Date.parse(review.editableUntil) > Date.now();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Rate value={review.rating} disabled aria-label={`${t('order.rating')} ${review.rating}/5`} />
      {review.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{review.comment}</div>}
      <span className="muted">
        {formatTime(review.updatedAt ?? review.createdAt)}
        {editable && ` · ${t('order.editableUntil', { at: formatTime(review.editableUntil) })}`}
      </span>
      {review.reply && (
        <div className="reply">
          <strong>{t('product.reply')}：</strong>
          {review.reply.text}
        </div>
      )}
      {editable && (
        <div>
          <Button variant="outline" size="small" onClick={() => setEditing(true)}>
            {t('order.editReview')}
          </Button>
        </div>
      )}
      {side === 'provider' && !review.reply && <ReplyForm order={order} />}
    </Space>
  );
};

import { useState } from 'react';
import { Comment, Form, Space, Textarea } from 'tdesign-react';
import { Button } from '../app/button';
import { formatTime } from '../app/format';
import { Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useSession } from '../app/session';
import type { Order } from '../api/types';
import { useI18n } from '../i18n';
import { AttachmentLinks } from './attachment-links';
import { AttachmentUpload } from './attachment-upload';
import { actorName } from './components';
import { useSendMessage } from './hooks';

/** 沟通: the order's messages (timeline entries `message`) and, unless cancelled, a box to write one. */
export const OrderConversation = ({ order, canWrite = true }: { order: Order; canWrite?: boolean }) => {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const send = useSendMessage();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const messages = (order.timeline ?? []).filter((e) => e.action === 'message');
  const errors = fieldErrors(send.error);
  const submit = async () => {
    if (send.isPending || uploading || !text.trim()) return;
    try {
      await send.mutateAsync({ orderId: order.orderId, body: { text, ...(files.length ? { attachments: files } : {}) } });
      setText('');
      setFiles([]);
      setFormKey((k) => k + 1);
    } catch {
      // shown below the box
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {messages.length === 0 ? (
        <p className="muted">{t('conversation.empty')}</p>
      ) : (
        <ol className="conversation" aria-label={t('conversation.title')}>
          {messages.map((m) => {
            const text = typeof m.data.text === 'string' ? m.data.text : '';
            const attachments = Array.isArray(m.data.attachments) ? m.data.attachments.filter((a) => typeof a === 'string') : [];
            const mine = m.actor === session?.userId;
            return (
              <li key={m.entryId} className={mine ? 'mine' : undefined}>
                <Comment
                  author={`${actorName(m, t)}${mine ? (lang === 'en-US' ? ' (you)' : '（你）') : ''}`}
                  datetime={formatTime(m.at)}
                  content={
                    <div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>
                      <AttachmentLinks order={order} ids={attachments} />
                    </div>
                  }
                />
              </li>
            );
          })}
        </ol>
      )}
      {order.status === 'cancelled' ? (
        <p className="muted">{t('conversation.closed')}</p>
      ) : canWrite ? (
        <Form labelAlign="top" key={formKey} onSubmit={() => void submit()} preventSubmitDefault>
          <Field label={t('conversation.text')} error={errors.text}>
            <Textarea value={text} onChange={(v) => setText(String(v))} autosize={{ minRows: 2, maxRows: 6 }} maxlength={2000} placeholder={t('orders.messagePlaceholder')} />
          </Field>
          <Space align="start" breakLine style={{ width: '100%', justifyContent: 'space-between' }}>
            <AttachmentUpload orderId={order.orderId} label={t('conversation.attach')} onChange={setFiles} onUploading={setUploading} />
            <Button type="submit" loading={send.isPending || uploading} disabled={send.isPending || uploading || !text.trim()}>
              {t('conversation.send')}
            </Button>
          </Space>
          {send.error && !errors.text ? <ProblemAlert error={send.error} /> : null}
        </Form>
      ) : null}
    </Space>
  );
};

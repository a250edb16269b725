import { MessagePlugin, Space } from 'tdesign-react';
import { Button } from '../app/button';
import { FileIcon } from 'tdesign-icons-react';
import { useI18n } from '../i18n';
import { problemText } from '../app/problem';
import type { Order } from '../api/types';
import { downloadAttachment } from './hooks';

/** The named files of an order (by attachment id), each a download button. */
export const AttachmentLinks = ({ order, ids }: { order: Order; ids: string[] }) => {
  const { t } = useI18n();
  if (ids.length === 0) return null;
  return (
    <Space size={4} breakLine>
      {ids.map((id) => {
        const file = order.attachments?.find((a) => a.attachmentId === id);
        const name = file?.fileName ?? id;
        return (
          <Button
            key={id}
            size="small"
            variant="text"
            theme="primary"
            icon={<FileIcon />}
            aria-label={`${t('order.download')} ${name}`}
            onClick={() => downloadAttachment(order.orderId, id).catch((e: unknown) => void MessagePlugin.error(problemText(e, t)))}
          >
            {name}
          </Button>
        );
      })}
    </Space>
  );
};

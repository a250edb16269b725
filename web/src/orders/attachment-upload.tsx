import { useRef, useState } from 'react';
import { Upload, type UploadFile } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';
import { ATTACHMENT_TYPES } from '../api/types';
import { uploadAttachment } from './hooks';

/**
 * TDesign Upload sending each file straight to S3 through the order's presigned upload
 * (`POST /orders/{orderId}/attachments`); `onChange` gets the ids of the files that arrived.
 */
export const AttachmentUpload = ({
  orderId,
  label,
  max = 10,
  onChange,
  onUploading,
}: {
  orderId: string;
  label: string;
  max?: number;
  onChange: (attachmentIds: string[]) => void;
  /** True while a file is on its way: the form's submit waits for it. */
  onUploading?: (busy: boolean) => void;
}) => {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const inFlight = useRef(0);
  const track = (delta: number) => {
    inFlight.current += delta;
    onUploading?.(inFlight.current > 0);
  };
  const ids = (list: UploadFile[]) => list.filter((f) => f.status === 'success' && f.response?.attachmentId).map((f) => String(f.response!.attachmentId));
  return (
    <Upload
      theme="file"
      accept={ATTACHMENT_TYPES.join(',')}
      multiple={max > 1}
      max={max}
      files={files}
      placeholder=""
      triggerButtonProps={{ variant: 'outline', content: label, 'aria-label': label }}
      abridgeName={[12, 8]}
      onChange={(list) => {
        setFiles(list);
        onChange(ids(list));
      }}
      requestMethod={async (file) => {
        const one = Array.isArray(file) ? file[0] : file;
        track(1);
        try {
          const attachmentId = one.raw ? await uploadAttachment(orderId, one.raw) : undefined;
          if (!attachmentId) return { status: 'fail', error: t('attachments.unsupportedType'), response: {} };
          return { status: 'success', response: { attachmentId, url: '' } };
        } catch (err) {
          const detail = err instanceof ApiProblem ? err.detail || err.title : err instanceof Error ? err.message : String(err);
          return { status: 'fail', error: detail || t('common.error'), response: {} };
        } finally {
          track(-1);
        }
      }}
    />
  );
};

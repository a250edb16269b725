import { useRef, useState } from 'react';
import { Upload, type UploadFile } from 'tdesign-react';
import { problemText } from '../app/problem';
import { useI18n } from '../i18n';
import { ATTACHMENT_TYPES } from '../api/types';
import { UploadRefused, uploadAttachment } from './hooks';

/**
 * TDesign Upload sending each file straight to S3 through the order's presigned upload
 * (`POST /orders/{orderId}/attachments`), or another grant (`upload`: the licence of an application);
 * `onChange` gets the ids of the files that arrived.
 */
export const AttachmentUpload = ({
  orderId,
  upload,
  accept = ATTACHMENT_TYPES.join(','),
  unsupported,
  label,
  max = 10,
  onChange,
  onUploading,
}: {
  orderId?: string;
  /** Uploads one file through another grant; answers its id, or undefined for a type it does not take. */
  upload?: (file: File) => Promise<string | undefined>;
  accept?: string;
  /** Why a file of another type is refused (the types taken). */
  unsupported?: string;
  label: string;
  max?: number;
  onChange: (attachmentIds: string[]) => void;
  /** True while a file is on its way: the form's submit waits for it. */
  onUploading?: (busy: boolean) => void;
}) => {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // why each refused file was refused, by file name: shown under the picker beside TDesign's red mark
  const [refused, setRefused] = useState<Record<string, string>>({});
  const inFlight = useRef(0);
  const track = (delta: number) => {
    inFlight.current += delta;
    onUploading?.(inFlight.current > 0);
  };
  const reasons = Object.entries(refused);
  const ids = (list: UploadFile[]) => list.filter((f) => f.status === 'success' && f.response?.attachmentId).map((f) => String(f.response!.attachmentId));
  return (
    <Upload
      theme="file"
      accept={accept}
      multiple={max > 1}
      max={max}
      files={files}
      placeholder=""
      triggerButtonProps={{ variant: 'outline', content: label, 'aria-label': label }}
      abridgeName={[12, 8]}
      onChange={(list) => {
        setFiles(list);
        onChange(ids(list));
        setRefused((r) => Object.fromEntries(Object.entries(r).filter(([name]) => list.some((f) => f.name === name && f.status === 'fail'))));
      }}
      status={reasons.length > 0 ? 'error' : undefined}
      tips={
        reasons.length > 0 ? (
          <span role="alert">
            {reasons.map(([name, why]) => (
              <span key={name} style={{ display: 'block' }}>
                {name}：{why}
              </span>
            ))}
          </span>
        ) : undefined
      }
      requestMethod={async (file) => {
        const one = Array.isArray(file) ? file[0] : file;
        const refuse = (why: string) => {
          setRefused((r) => ({ ...r, [one.name ?? '']: why }));
          return { status: 'fail' as const, error: why, response: {} };
        };
        track(1);
        try {
          const send = upload ?? ((file: File) => uploadAttachment(orderId ?? '', file));
          const attachmentId = one.raw ? await send(one.raw) : undefined;
          if (!attachmentId) return refuse(unsupported ?? t('attachments.unsupportedType'));
          return { status: 'success', response: { attachmentId, url: '' } };
        } catch (err) {
          return refuse(err instanceof UploadRefused ? t('attachments.uploadRefused') : problemText(err, t));
        } finally {
          track(-1);
        }
      }}
    />
  );
};

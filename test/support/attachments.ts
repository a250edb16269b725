import { handler as grantHandler } from '../../functions/attachments/grant';
import { ATTACHMENT_EXTENSIONS, type AttachmentContentType } from '../../lib/attachments/schemas';
import type { TestUser } from './global-setup';
import { invoke } from './http';
import { must } from './products';

export interface Grant {
  attachmentId: string;
  upload: { url: string; method: string; fields: Record<string, string>; expiresAt: string };
}

/** A file name of a type's own extension (`巡检报告.pdf`, `巡检报告.txt`…). */
export const nameFor = (contentType: string) => `巡检报告.${ATTACHMENT_EXTENSIONS[contentType as AttachmentContentType]?.[0] ?? 'pdf'}`;

/** Asks for an upload to an order through the real handler (a name of the type's extension unless given). */
export const grant = async (as: TestUser, orderId: string, body: { fileName?: string; contentType?: string; size: number }) => {
  const contentType = body.contentType ?? 'application/pdf';
  return must(
    await invoke(grantHandler, { as, params: { orderId }, body: { fileName: nameFor(contentType), ...body, contentType } }),
    201,
  ) as Grant;
};

/**
 * Uploads bytes with the presigned POST, as a browser form would; `fields` overrides form fields (the
 * emulator does not enforce the policy, so a client can lie about the type there).
 */
export const upload = async (g: Grant, bytes: Buffer | string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...g.upload.fields, ...fields })) form.append(k, v);
  form.append('file', new Blob([bytes]), 'file');
  const res = await fetch(g.upload.url, { method: 'POST', body: form });
  if (res.status >= 300) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return res.status;
};

/** A grant of `bytes.length` bytes, uploaded. */
export const uploaded = async (as: TestUser, orderId: string, bytes: Buffer | string = '%PDF-1.7 report', contentType = 'application/pdf') => {
  const g = await grant(as, orderId, { size: Buffer.byteLength(bytes), contentType });
  await upload(g, bytes);
  return g;
};

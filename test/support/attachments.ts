import { handler as grantHandler } from '../../functions/attachments/grant';
import type { TestUser } from './global-setup';
import { invoke } from './http';
import { must } from './products';

export interface Grant {
  attachmentId: string;
  upload: { url: string; method: string; fields: Record<string, string>; expiresAt: string };
}

/** Asks for an upload to an order through the real handler. */
export const grant = async (as: TestUser, orderId: string, body: { fileName?: string; contentType?: string; size: number }) =>
  must(
    await invoke(grantHandler, { as, params: { orderId }, body: { fileName: '巡检报告.pdf', contentType: 'application/pdf', ...body } }),
    201,
  ) as Grant;

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

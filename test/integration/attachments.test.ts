import { describe, expect, it, vi } from 'vitest';
import { handler as grantHandler } from '../../functions/attachments/grant';
import { handler as download } from '../../functions/attachments/download';
import { handler as message } from '../../functions/orders/message';
import { handler as complete } from '../../functions/orders/complete';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as getOrder } from '../../functions/orders/get';
import { parseAttachment } from '../../lib/attachments/repository';
import { presignDownload } from '../../lib/attachments/presign';
import { keys } from '../../lib/db/keys';
import { grant, upload, uploaded } from '../support/attachments';
import { countRoundTrips, readItem, MEMBERSHIP_READ } from '../support/db';
import { invoke } from '../support/http';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { orderIn } from '../support/orders';
import { must } from '../support/products';

const MB = 1024 * 1024;

describe('asking for an upload', () => {
  it('answers a presigned POST for the order’s own key and keeps only the record in the table', async () => {
    const order = await orderIn('implementing');
    const res = await invoke(grantHandler, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { fileName: 'server-logs.zip', contentType: 'application/zip', size: 3 * MB },
    });
    expect(res.status).toBe(201);
    const { attachmentId, upload: up } = res.body;
    expect(up).toMatchObject({ method: 'POST', url: expect.stringContaining('/market-test-attachments') });
    expect(up.fields).toMatchObject({ key: `orders/${order.orderId}/${attachmentId}`, 'Content-Type': 'application/zip' });
    expect(Date.parse(up.expiresAt)).toBeGreaterThan(Date.now());
    const record = await readItem(keys.attachment(order.orderId, attachmentId));
    expect(record).toMatchObject({ type: 'attachment', fileName: 'server-logs.zip', size: 3 * MB, uploadedBy: expect.any(String) });
    expect(JSON.stringify(record)).not.toContain('Policy');
  });

  it('refuses a grant over 20 MB or of a type that is not allowed, naming the field and writing nothing', async () => {
    const order = await orderIn('implementing');
    const counter = await readItem(keys.attachmentCounter(order.orderId));
    const big = await invoke(grantHandler, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { fileName: 'dump.zip', contentType: 'application/zip', size: 20 * MB + 1 },
    });
    const html = await invoke(grantHandler, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { fileName: 'page.html', contentType: 'text/html', size: 100 },
    });
    expect([big.status, html.status]).toEqual([400, 400]);
    expect(big.body.errors.map((e: any) => e.path)).toEqual(['size']);
    expect(html.body.errors.map((e: any) => e.path)).toEqual(['contentType']);
    expect(await readItem(keys.attachmentCounter(order.orderId))).toEqual(counter);
  });

  it('answers 404 to a stranger, 409 on a cancelled order, and lets an operator upload only into a dispute', async () => {
    const order = await orderIn('implementing');
    const body = { fileName: 'a.txt', contentType: 'text/plain', size: 10 };
    expect((await invoke(grantHandler, { as: 'buyer2', params: { orderId: order.orderId }, body })).status).toBe(404);
    expect((await invoke(grantHandler, { as: 'provider2', params: { orderId: order.orderId }, body })).status).toBe(404);
    expect((await invoke(grantHandler, { as: 'operator', params: { orderId: order.orderId }, body })).status).toBe(409);
    const cancelled = await orderIn('cancelled');
    expect((await invoke(grantHandler, { as: 'buyer', params: { orderId: cancelled.orderId }, body })).status).toBe(409);
    const disputed = await orderIn('disputed');
    expect((await invoke(grantHandler, { as: 'operator', params: { orderId: disputed.orderId }, body })).status).toBe(201);
  });

  it('grants each party at most 50 attachments per order: one party’s unused grants never starve the other’s delivery', async () => {
    const order = await orderIn('implementing');
    // the buyer asks for fifty uploads and never sends one
    for (let i = 0; i < 50; i++) await grant('buyer', order.orderId, { size: 10 });
    const body = { fileName: 'one-too-many.pdf', contentType: 'application/pdf', size: 10 };
    const refused = await invoke(grantHandler, { as: 'buyer', params: { orderId: order.orderId }, body });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TOO_MANY_ATTACHMENTS');
    // the provider still delivers
    const g = await uploaded('provider', order.orderId, 'migration report', 'text/plain');
    must(await invoke(complete, { as: 'provider', params: { orderId: order.orderId }, body: { note: '交付', attachments: [g.attachmentId] } }), 200);
    expect(await readItem(keys.attachmentCounter(order.orderId))).toMatchObject({ count: 51 });
  });

  it('lets the console’s origin POST an upload from a browser (CORS), and no other origin', async () => {
    const order = await orderIn('implementing');
    const g = await grant('buyer', order.orderId, { size: 10 });
    const preflight = (origin: string) =>
      fetch(g.upload.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173']) {
      const ok = await preflight(origin);
      expect(ok.status, origin).toBe(200);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    }
    const evil = await preflight('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('costs one DynamoDB round trip besides the caller’s memberships', async () => {
    const order = await orderIn('implementing');
    const { roundTrips } = await countRoundTrips(() => grant('buyer', order.orderId, { size: 10 }));
    expect(roundTrips).toBe(MEMBERSHIP_READ + 1);
  });
});

describe('referencing attachments', () => {
  it('accepts this order’s uploaded attachment in a message and checks the stored object once', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId, 'kernel: oops at 0xdeadbeef');
    const res = await invoke(message, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { text: '日志见附件', attachments: [g.attachmentId] },
    });
    expect(res.status).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'message', data: { text: '日志见附件', attachments: [g.attachmentId] } });
    expect(res.body.attachments).toEqual([expect.objectContaining({ attachmentId: g.attachmentId, verified: true })]);
    const record = parseAttachment((await readItem(keys.attachment(order.orderId, g.attachmentId)))!);
    expect(record).toMatchObject({ verifiedAt: expect.any(String), storedSize: 26 });
  });

  it('refuses an upload bigger than its grant or of another type, naming the field', async () => {
    const order = await orderIn('implementing');
    const bigger = await grant('buyer', order.orderId, { size: 5 });
    await upload(bigger, 'far more than five bytes');
    const retyped = await grant('buyer', order.orderId, { size: 100, contentType: 'application/pdf' });
    await upload(retyped, '<script>alert(1)</script>', { 'Content-Type': 'text/html' });
    for (const g of [bigger, retyped]) {
      const res = await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: 'see file', attachments: [g.attachmentId] } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'attachments.0', message: expect.stringMatching(/larger than|not the application\/pdf/) }]);
    }
    const after = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }), 200);
    expect(after.timeline.filter((e: any) => e.action === 'message')).toEqual([]);
  });

  it('refuses an upload that never arrived and another order’s attachment', async () => {
    const order = await orderIn('implementing');
    const other = await orderIn('implementing');
    const never = await grant('buyer', order.orderId, { size: 10 });
    const foreign = await uploaded('buyer', other.orderId);
    const res = await invoke(message, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { text: 'files', attachments: [never.attachmentId] },
    });
    expect(res.body.errors).toEqual([{ path: 'attachments.0', message: 'the upload of this attachment never arrived' }]);
    const res2 = await invoke(message, {
      as: 'buyer',
      params: { orderId: order.orderId },
      body: { text: 'files', attachments: [foreign.attachmentId] },
    });
    expect([res.status, res2.status]).toEqual([400, 400]);
    expect(res2.body.errors).toEqual([{ path: 'attachments.0', message: 'not an attachment of this order' }]);
  });

  it('carries attachments in the delivery of 实施完成', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('provider', order.orderId, 'migration report', 'text/plain');
    const res = await invoke(complete, {
      as: 'provider',
      params: { orderId: order.orderId },
      body: { note: '迁移完成，报告见附件', attachments: [g.attachmentId] },
    });
    expect(res.status).toBe(200);
    expect(res.body.deliveryNote).toMatchObject({ note: '迁移完成，报告见附件', attachments: [g.attachmentId] });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'complete', data: { attachments: [g.attachmentId] } });
  });

  it('accepts in a file field of the requirements only an attachment uploaded to this order', async () => {
    const content = {
      requirementsTemplate: [
        { key: 'host', label: '服务器地址', type: 'text', required: true },
        { key: 'licence', label: '许可证文件', type: 'file', required: true },
      ],
    };
    const order = await orderIn('awaiting_start', { content });
    const other = await orderIn('awaiting_start', { content });
    const foreign = await uploaded('buyer', other.orderId);
    const missing = await grant('buyer', order.orderId, { size: 10 });
    const mine = await uploaded('buyer', order.orderId, 'LICENSE KEY 1234', 'text/plain');
    const submit = (licence: unknown) =>
      invoke(requirements, { as: 'buyer', params: { orderId: order.orderId }, body: { answers: { host: '10.0.0.1', licence } } });

    for (const licence of [foreign.attachmentId, missing.attachmentId, 'not-an-id', 42]) {
      const res = await submit(licence);
      expect(res.status, String(licence)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toEqual(['answers.licence']);
    }
    const accepted = await submit(mine.attachmentId);
    expect(accepted.status).toBe(200);
    expect(accepted.body.requirements).toMatchObject({ status: 'submitted', answers: { licence: mine.attachmentId } });
  });

  it('answers 503 with Retry-After when S3 cannot be reached, and writes nothing', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId);
    const before = await readItem(keys.order(order.orderId));
    // the storage's own fetch fails as it does when S3 cannot be reached
    const spy = vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('fetch failed'));
    const res = await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: 'x', attachments: [g.attachmentId] } });
    spy.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(await readItem(keys.order(order.orderId))).toEqual(before);
  });
});

describe('downloading', () => {
  it('redirects a party or an operator to a five-minute presigned URL that serves the file under its name', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId, 'hello from the buyer', 'text/plain');
    for (const who of ['buyer', 'provider', 'operator'] as const) {
      const res = await invoke(download, { as: who, params: { orderId: order.orderId, attachmentId: g.attachmentId } });
      expect(res.status).toBe(302);
      const url = new URL(res.headers.location);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
      const file = await fetch(url);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe('hello from the buyer');
      expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%B7%A1%E6%A3%80%E6%8A%A5%E5%91%8A.txt");
    }
  });

  it('answers the same link as JSON to Accept: application/json (a browser cannot follow the redirect across origins)', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId, 'hello from the buyer', 'text/plain');
    const res = await invoke(download, { as: 'provider', params: { orderId: order.orderId, attachmentId: g.attachmentId }, headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const link = res.body as { url: string; expiresAt: string };
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    const file = await fetch(link.url);
    expect(await file.text()).toBe('hello from the buyer');
  });

  it('answers 404 to a stranger, for another order’s attachment and for an unknown id', async () => {
    const order = await orderIn('implementing');
    const other = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId);
    const stranger = await invoke(download, { as: 'buyer2', params: { orderId: order.orderId, attachmentId: g.attachmentId } });
    const otherProvider = await invoke(download, { as: 'provider2', params: { orderId: order.orderId, attachmentId: g.attachmentId } });
    const crossed = await invoke(download, { as: 'buyer', params: { orderId: other.orderId, attachmentId: g.attachmentId } });
    const unknown = await invoke(download, { as: 'buyer', params: { orderId: order.orderId, attachmentId: other.orderId } });
    expect([stranger.status, otherProvider.status, crossed.status, unknown.status]).toEqual([404, 404, 404, 404]);
    expect(stranger.headers.location).toBeUndefined();
  });

  it('has S3 refuse a presigned URL once it has expired', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId);
    const record = parseAttachment((await readItem(keys.attachment(order.orderId, g.attachmentId)))!);
    const fresh = await fetch(await presignDownload(record, new Date()));
    const expired = await fetch(await presignDownload(record, new Date(Date.now() - 6 * 60 * 1000)));
    expect(fresh.status).toBe(200);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
  });
});

describe('file names and text (what the console shows is what was checked)', () => {
  const ask = (orderId: string, fileName: string, contentType = 'application/pdf') =>
    invoke(grantHandler, { as: 'buyer', params: { orderId }, body: { fileName, contentType, size: 10 } });

  it('refuses half of a surrogate pair in a file name or a message, naming the field', async () => {
    const order = await orderIn('implementing');
    const name = await ask(order.orderId, 'report\ud800.txt', 'text/plain');
    expect(name.status).toBe(400);
    expect(name.headers['content-type']).toBe('application/problem+json');
    expect(name.body.errors.map((e: any) => e.path)).toEqual(['fileName']);
    const text = await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '日志 \udc00 见附件' } });
    expect(text.status).toBe(400);
    expect(text.body.errors.map((e: any) => e.path)).toEqual(['text']);
    must(await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '收到 👍' } }), 200);
  });

  it('ties a file name to its type and refuses direction controls and names that show nothing', async () => {
    const order = await orderIn('implementing');
    for (const [fileName, contentType] of [
      ['setup.exe', 'application/zip'],
      ['report', 'application/pdf'],
      ['report.pdf.exe', 'application/pdf'],
      ['invoice\u202efdp.exe', 'application/pdf'],
      ['invoice\u202efdp.pdf', 'application/pdf'],
      ['\u2066report\u2069.pdf', 'application/pdf'],
      ['\u200b\u200c\u200d', 'application/pdf'],
      ['\u200b\u200c.pdf', 'application/pdf'],
      ['\u3164\u2800.png', 'image/png'],
      ['photo.png', 'image/jpeg'],
    ]) {
      const res = await ask(order.orderId, fileName, contentType);
      expect(res.status, JSON.stringify(fileName)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(fileName)).toEqual(['fileName']);
    }
    for (const [fileName, contentType] of [
      ['Scan 2026.JPG', 'image/jpeg'],
      ['照片.jpeg', 'image/jpeg'],
      ['server.log', 'text/plain'],
      ['报告 👨‍👩‍👧.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]) {
      expect((await ask(order.orderId, fileName, contentType)).status, fileName).toBe(201);
    }
  });

  it('serves a name granted before these checks as the attachment id with its type’s extension, never 503', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId, 'PK zip bytes', 'application/zip');
    const key = keys.attachment(order.orderId, g.attachmentId);
    for (const fileName of ['report\ud800.zip', 'setup.exe', 'invoice\u202efdp.zip']) {
      await ddb.send(new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'SET fileName = :n', ExpressionAttributeValues: { ':n': fileName } }));
      const res = await invoke(download, { as: 'provider', params: { orderId: order.orderId, attachmentId: g.attachmentId } });
      expect(res.status, JSON.stringify(fileName)).toBe(302);
      const file = await fetch(res.headers.location);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${g.attachmentId}.zip"; filename*=UTF-8''${g.attachmentId}.zip`);
      const seen = must(await invoke(getOrder, { as: 'provider', params: { orderId: order.orderId } }), 200);
      expect(seen.attachments.find((a: any) => a.attachmentId === g.attachmentId).fileName).toBe(`${g.attachmentId}.zip`);
    }
  });
});

describe('delivered evidence stays what was delivered', () => {
  it('serves what was checked at the first reference, whatever is posted to the grant afterwards', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('provider', order.orderId, 'the real delivery report', 'text/plain');
    must(await invoke(complete, { as: 'provider', params: { orderId: order.orderId }, body: { note: '交付', attachments: [g.attachmentId] } }), 200);
    // the grant's POST is still signed (S3 cannot revoke it); posting again replaces the upload itself
    await upload(g, 'a forged report!');
    for (const who of ['buyer', 'operator'] as const) {
      const res = await invoke(download, { as: who, params: { orderId: order.orderId, attachmentId: g.attachmentId } });
      expect(res.status).toBe(302);
      expect(await (await fetch(res.headers.location)).text()).toBe('the real delivery report');
    }
    const record = parseAttachment((await readItem(keys.attachment(order.orderId, g.attachmentId)))!);
    expect(record).toMatchObject({ verifiedKey: expect.stringMatching(/^verified\//), verifiedETag: expect.any(String) });
  });

  it('refuses to serve a kept copy that no longer is what was checked (409), never other bytes', async () => {
    const order = await orderIn('implementing');
    const g = await uploaded('buyer', order.orderId, 'evidence', 'text/plain');
    must(await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '证据', attachments: [g.attachmentId] } }), 200);
    const record = parseAttachment((await readItem(keys.attachment(order.orderId, g.attachmentId)))!);
    // the local emulator checks no signature: anyone can write any key there, which AWS would refuse
    const url = new URL(g.upload.url);
    const put = await fetch(`${url.origin}${url.pathname}/${record.verifiedKey}`, { method: 'PUT', body: 'altered', headers: { 'content-type': 'text/plain' } });
    expect(put.status).toBe(200);
    const res = await invoke(download, { as: 'provider', params: { orderId: order.orderId, attachmentId: g.attachmentId } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ATTACHMENT_ALTERED');
    expect(res.headers.location).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as grantHandler } from '../../functions/attachments/grant';
import { handler as download } from '../../functions/attachments/download';
import { handler as message } from '../../functions/orders/message';
import { handler as complete } from '../../functions/orders/complete';
import { ATTACHMENT_EXTENSIONS, CONTENT_TYPES } from '../../lib/attachments/schemas';
import { isWellFormed } from '../../lib/shared/text';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';

// Texts made of what an adversary sends: halves of surrogate pairs, direction controls, zero-width and
// invisible characters, whole emoji, Chinese, dots and extensions. Every answer is a problem+json 4xx or a
// success that stored well-formed text; never a 500 or a 503.
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff', '😀'.slice(0, 1), '😀'.slice(1)];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', ' ', '\u3000'];
const VISIBLE = ['a', 'Z', '7', '报', '告', '😀', '🇨🇳', '👨‍👩‍👧', 'é', '.', '-', '_', '(', ')'];
const EXTENSIONS = ['.pdf', '.PDF', '.exe', '.zip', '.txt', '.jpg', '.jpeg', '.png', '.csv', '.docx', '.xlsx', '.html', '.', ''];

const piece = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...LONE) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 4, arbitrary: fc.constantFrom(...VISIBLE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
const fileName = fc.tuple(text, fc.constantFrom(...EXTENSIONS)).map(([stem, ext]) => stem + ext);

const problemOrSuccess = (res: { status: number; headers: Record<string, string>; body: any }, sent: unknown) => {
  expect(res.status, JSON.stringify(sent)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.code).toMatch(/^[A-Z_]+$/);
  }
};

describe('texts of lone surrogates, direction controls and zero-width characters: 4xx or well-formed, never 5xx', () => {
  it('upload grants, and the download of every granted name', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    await fc.assert(
      fc.asyncProperty(fileName, fc.constantFrom(...CONTENT_TYPES), async (name, contentType) => {
        const res = await invoke(grantHandler, { as: 'buyer2', params: { orderId: order.orderId }, body: { fileName: name, contentType, size: 10 } });
        problemOrSuccess(res, name);
        if (res.status !== 201) return;
        // what was granted is well-formed, of its type's extension, free of direction controls, and can be served
        expect(isWellFormed(res.body.fileName)).toBe(true);
        expect(res.body.fileName).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
        expect(ATTACHMENT_EXTENSIONS[contentType].some((e) => res.body.fileName.toLowerCase().endsWith(`.${e}`))).toBe(true);
        const served = await invoke(download, { as: 'provider2', params: { orderId: order.orderId, attachmentId: res.body.attachmentId } });
        expect(served.status, JSON.stringify(name)).toBe(302);
      }),
      // the party's 50 grants on the order hold the successes (a 409 past them is a 4xx too)
      { numRuns: 80 },
    );
  });

  it('messages and delivery notes', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const res = await invoke(message, { as: 'buyer2', params: { orderId: order.orderId }, body: { text: t } });
        problemOrSuccess(res, t);
        if (res.status === 200) {
          const said = res.body.timeline.at(-1).data.text;
          expect(isWellFormed(said)).toBe(true);
          expect(said).toBe(t.trim());
        }
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(text, async (note) => {
        const target = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
        const res = await invoke(complete, { as: 'provider2', params: { orderId: target.orderId }, body: { note } });
        problemOrSuccess(res, note);
        if (res.status === 200) expect(isWellFormed(res.body.deliveryNote.note)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});

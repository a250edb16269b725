import { describe, expect, inject, it } from 'vitest';
import { api, ok } from '../support/api';
import { productContent } from '../support/fixtures';
import { mailsTo } from '../support/mail';

const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe.skipIf(!inject('stack').apiUrl)('email notifications through the real local stream, event bus and SES emulator', () => {
  it('a review decision reaches the provider’s mailbox as well as the inbox, in their language', async () => {
    const stack = inject('stack');
    const product = ok(await api('POST', '/provider/products', { as: 'provider2', body: productContent({ requirementsBeforeStart: false }) }), 201);
    const submitted = ok(await api('POST', `/provider/products/${product.productId}/submit`, { as: 'provider2' }));
    ok(await api('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));

    // a person who never opened their profile has the defaults: review decisions come by email, in Chinese
    const mail = await eventually(async () =>
      (await mailsTo(stack.users.provider2.email)).find((m) => m.body.html?.includes(`/provider/products/${product.productId}`)),
    );
    expect(mail.subject).toBe('商品审核通过');
    expect(mail.body.text).toContain(product.productId);
    const me = ok(await api('GET', '/me', { as: 'provider2' }));
    expect(me.emailPreferences).toContain('approved');
  }, 120_000);
});

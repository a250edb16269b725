import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { signatureOf, signedUrl, verdictOf } from '../../lib/saas/protocol';

describe('the SaaS protocol’s signature', () => {
  it('is the sha256 hex of token, timestamp and eventId sorted and concatenated (the README’s worked example)', () => {
    // printf '%s' "01KBG5Y4QX00000000000000001764680400demo-saas-token-change-me" | sha256sum
    expect(signatureOf('demo-saas-token-change-me', '1764680400', '01KBG5Y4QX0000000000000000')).toBe('56163cef4dead89917a34b10014524ccaa56a88ae8439a94f5afe98d449d19b6');
    // printf '%s' "1764677000evt-01secret-token" | sha256sum
    expect(signatureOf('secret-token', '1764677000', 'evt-01')).toBe('95fc53a25c493e50ea9d007a407f529cb61f549909a6745602738a544f3cd9c3');
  });

  it('does not depend on which of the three is which, only on their sorted order', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const expected = createHash('sha256').update([a, b, c].sort().join('')).digest('hex');
        expect(signatureOf(a, b, c)).toBe(expected);
        expect(signatureOf(c, a, b)).toBe(expected);
      }),
    );
  });

  it('puts signature, timestamp (Unix seconds) and eventId in the query, keeping the endpoint’s own query', () => {
    const url = new URL(signedUrl('https://saas.example.com/hook?tenant=7', 'tok', 'evt-9', new Date('2026-01-01T00:00:01.900Z')));
    expect(url.searchParams.get('tenant')).toBe('7');
    expect(url.searchParams.get('timestamp')).toBe('1767225601');
    expect(url.searchParams.get('eventId')).toBe('evt-9');
    expect(url.searchParams.get('signature')).toBe(signatureOf('tok', '1767225601', 'evt-9'));
  });
});

describe('a call’s verdict', () => {
  it('passes verifyInterface only when the answer echoes the echoback sent', () => {
    expect(verdictOf('verifyInterface', { echoback: 'abc' }, 200, '{"echoback":"abc"}').ok).toBe(true);
    expect(verdictOf('verifyInterface', { echoback: 'abc' }, 200, '{"echoback":"abd"}')).toMatchObject({ ok: false });
    expect(verdictOf('verifyInterface', { echoback: 'abc' }, 500, '{"echoback":"abc"}')).toMatchObject({ ok: false, reason: 'HTTP 500' });
  });

  it('passes createInstance with a signId (also "0", provisioning later) and reads its app information', () => {
    const v = verdictOf('createInstance', {}, 200, JSON.stringify({ signId: 's-1', appInfo: { website: 'https://a', authUrl: 'https://a/l' } }));
    expect(v).toMatchObject({ ok: true, created: { signId: 's-1', appInfo: { website: 'https://a' } } });
    expect(verdictOf('createInstance', {}, 200, '{"signId":"0"}').created?.signId).toBe('0');
    expect(verdictOf('createInstance', {}, 200, '{"ok":true}').ok).toBe(false);
    expect(verdictOf('createInstance', {}, 200, 'not json').ok).toBe(false);
  });

  it('refuses an answer that says success: false, a redirect and no answer', () => {
    expect(verdictOf('renewInstance', {}, 200, '{"success":"false"}').ok).toBe(false);
    expect(verdictOf('destroyInstance', {}, 200, '{"success":true}').ok).toBe(true);
    expect(verdictOf('expireInstance', {}, 302, '').ok).toBe(false);
    expect(verdictOf('expireInstance', {}, undefined, undefined)).toMatchObject({ ok: false, reason: 'no answer' });
  });
});

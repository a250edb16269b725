import { describe, expect, it } from 'vitest';
import { orderMessage } from '../../lib/notifications/messages';
import { clip, hasVisible, isWellFormed, malformedTextPaths } from '../../lib/shared/text';
import { readJsonBody } from '../../lib/http/middleware/body';

const facts = (text: string) => ({ name: '服务器运维托管', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', data: { text } });

describe('well-formed text', () => {
  it('tells a lone surrogate from a whole pair', () => {
    expect(isWellFormed('report😀.txt')).toBe(true);
    expect(isWellFormed('report\ud800.txt')).toBe(false);
    expect(isWellFormed('\udc00x')).toBe(false);
    expect(isWellFormed('😀'.slice(0, 1))).toBe(false);
  });

  it('names every malformed string and key of a body, and refuses the body at the door', () => {
    expect(malformedTextPaths({ fileName: 'a\ud800', answers: { ok: 'x', bad: ['y', '\udfff'] }, ['k\ud800']: 1 })).toEqual([
      'fileName',
      'answers.bad.1',
      'k\ufffd',
    ]);
    let thrown: any;
    try {
      readJsonBody({ body: '{"text":"half \\ud83d of an emoji"}', isBase64Encoded: false });
    } catch (err) {
      thrown = err;
    }
    expect(thrown?.status).toBe(400);
    expect(thrown.errors.map((e: any) => e.path)).toEqual(['text']);
    expect(readJsonBody({ body: '{"text":"a whole \\ud83d\\ude00"}', isBase64Encoded: false })).toEqual({ text: 'a whole 😀' });
  });
});

describe('texts that show nothing', () => {
  it('finds nothing visible in white space, zero-width characters, fillers and selectors', () => {
    for (const blank of ['', ' \u3000', '\u200b\u200c\u200d\u2060\ufeff', '\u3164\u115f', '\u2800', '\ufe0f\u034f', '\u{e0041}\u{e0042}']) {
      expect(hasVisible(blank), JSON.stringify(blank)).toBe(false);
    }
    for (const shown of ['a', '报', '😀', '\u200ba\u200b', '❤\ufe0f']) expect(hasVisible(shown), shown).toBe(true);
  });
});

describe('the inbox excerpt of a message', () => {
  it('never cuts an emoji, a flag or a family in half', () => {
    for (const unit of ['😀', '🇨🇳', '👨‍👩‍👧', 'é']) {
      const text = `${'字'.repeat(199)}${unit.repeat(3)}`;
      const clipped = clip(text, 200);
      expect(isWellFormed(clipped), unit).toBe(true);
      expect(clipped).toBe(`${'字'.repeat(199)}${unit}…`);
      const body = orderMessage('message', facts(text))!.body;
      expect(isWellFormed(body.en) && isWellFormed(body.zh), unit).toBe(true);
      expect(body.zh).toContain(`${unit}…`);
    }
  });

  it('keeps a short message whole and ends a long one with …', () => {
    expect(clip('你好 👋', 200)).toBe('你好 👋');
    expect(clip('a'.repeat(201), 200)).toBe(`${'a'.repeat(200)}…`);
  });
});

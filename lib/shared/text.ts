// What a text may hold, shared by every input: the door's check of well-formed Unicode (lib/http/middleware/body.ts
// and validation.ts), the product and file names' checks, and the inbox's excerpts.

/** Control characters (NUL included) but line breaks and tabs. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides, isolates and marks: U+202E shows `invoice\u202Efdp.exe` as "invoiceexe.pdf". */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/**
 * Characters that show nothing: white space, zero-width characters, the soft hyphen, the combining grapheme
 * joiner, Hangul fillers, the Braille blank, invisible operators, variation selectors and tag characters.
 */
export const INVISIBLE = /[\s\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\u2800\ufe00-\ufe0f\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
/** Half of a surrogate pair on its own: not a Unicode character, so not UTF-8 (in `u` mode a whole pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/** Whether a string is well-formed Unicode (no lone surrogate): what UTF-8, S3 headers and URLs can carry. */
export const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** A string with every lone surrogate replaced by U+FFFD (for texts stored before the door checked them). */
export const toWellFormed = (s: string) => s.replace(LONE_SURROGATES, '\ufffd');

/** Whether a string shows something: not only white space and zero-width characters. */
export const hasVisible = (s: string) => s.replace(INVISIBLE, '').length > 0;

/**
 * The dotted path of every string in a JSON value (object keys included) that is not well-formed Unicode,
 * at most `limit` of them. `prefix` names the value itself.
 */
export const malformedTextPaths = (value: unknown, prefix = '', limit = 20): string[] => {
  const found: string[] = [];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const walk = (v: unknown, path: string) => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      if (!isWellFormed(v)) found.push(path || '(body)');
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, join(path, String(i))));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (!isWellFormed(k)) found.push(join(path, toWellFormed(k)));
        else walk(item, join(path, k));
      }
    }
  };
  walk(value, prefix);
  return found.slice(0, limit);
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The first `max` user-perceived characters (grapheme clusters) of a text, with `…` when it was longer:
 * never half of a surrogate pair (an emoji), a flag or a character with its combining marks.
 */
export const clip = (text: string, max: number) => {
  const whole = toWellFormed(text);
  if (whole.length <= max) return whole;
  let out = '';
  let n = 0;
  for (const { segment } of graphemes.segment(whole)) {
    if (n++ === max) return `${out}…`;
    out += segment;
  }
  return out;
};

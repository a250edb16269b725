import type { SecretContext } from '../shared/secret-box';

/**
 * What the provider's support view shows of a code: its last 4 characters, or for a code shorter than 8 its
 * last n − 4, so that at least half of every code stays hidden.
 */
export const hintOf = (code: string): string => {
  const chars = [...code];
  const shown = chars.length >= 8 ? 4 : chars.length - 4;
  return `••••${chars.slice(chars.length - shown).join('')}`;
};

/** The secret-box context of the code in a slot: a sealed code moved to another slot does not open. */
export const codeContext = (productId: string, planId: string, seq: number): SecretContext => ({
  purpose: 'redemption-code',
  productId,
  planId,
  seq: String(seq),
});

export const keyContext = (productId: string): SecretContext => ({ purpose: 'redemption-code-hash-key', productId });

/** Available codes of a plan. */
export const availableOf = (s: { left: number } | undefined) => (s ? Math.max(0, s.left) : 0);

/** The sequence numbers of a range of slots. */
export const seqsOf = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

/**
 * Whether a change of a plan's stock item crossed the low-stock mark downwards: codes left went from at or
 * above `mark` to below it. One purchase does this once per crossing (the counter serializes them); only a
 * restock lifting `left` to the mark again makes another crossing possible.
 */
export const crossesLowStock = (before: { left: number } | undefined, after: { left: number }, mark: number) =>
  before !== undefined && before.left >= mark && after.left < mark;

/** Upload chunks: each is one transaction of (code + hash) per code and the stock item, under DynamoDB's 100 writes. */
export const CODES_PER_TRANSACTION = 49;

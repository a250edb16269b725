/**
 * How people are shown to those who may not see them in full (spec 2.1, "Names, not ids"): the provider of an
 * order sees its buyer's phone masked, the public sees a rating's author as a masked name. Pure.
 */

/** A mainland mobile number with its middle four digits hidden: `138****5678`. Anything else is hidden whole. */
export const maskPhone = (phone: string | undefined): string | undefined => {
  if (!phone) return undefined;
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
};

/**
 * A display name with all but its first character hidden, counted in graphemes so that a name that begins
 * with an emoji or a combining sequence keeps it whole: `张三丰` → `张**`, `Alice` → `A****`. At least two
 * asterisks, so that a one-character name is not shown in full.
 */
export const maskName = (name: string | undefined): string => {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name?.trim() ?? '')].map((s) => s.segment);
  if (graphemes.length === 0) return '**';
  return graphemes[0] + '*'.repeat(Math.max(2, graphemes.length - 1));
};

/** Money in fen shown as yuan in the page's language (CNY). */
export const yuan = (fen: number, lang: string) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' }).format(fen / 100);

/** A time from the API (ISO 8601 UTC) in the reader's locale and zone. */
export const when = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** Ids are long and time-ordered (ULIDs share their head): lists show their tail. */
export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

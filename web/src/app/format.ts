const pad = (n: number) => String(n).padStart(2, '0');

/** A time as people read it in a console: local `YYYY-MM-DD HH:mm`. */
export const formatTime = (iso: string | null | undefined) => {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Integer fen as CNY. */
export const money = (fen: number, lang: string) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' }).format(fen / 100);

/** Ids are long and time-ordered (ULIDs share their head): lists show their tail. */
export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

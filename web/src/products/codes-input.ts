/** At most this many codes per upload call (spec 3.1). */
export const MAX_CODES_PER_UPLOAD = 1000;

/**
 * The codes of a pasted text or an uploaded .txt/.csv file: one code per line; in a CSV line, its first cell
 * (quotes taken off); blank lines and a `code` header line are skipped. Duplicates stay in: the API names them.
 */
export const parseCodes = (text: string): string[] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => {
      const cell = line.includes(',') ? line.split(',')[0] : line;
      return cell.trim().replace(/^"(.*)"$/, '$1').trim();
    })
    .filter((c, i) => c.length > 0 && !(i === 0 && /^(code|codes|兑换码)$/i.test(c)));

/** The 1-based line numbers an API error path `codes.<i>` names, by index into the parsed codes. */
export const codeIndexOf = (path: string): number | undefined => {
  const m = /^codes\.(\d+)$/.exec(path);
  return m ? Number(m[1]) : undefined;
};

/**
 * The Latin-script words left in a Chinese text once what is not prose is taken out: codes
 * (`VALIDATION_FAILED`), acronyms (ISO, URL), quoted values (an enum's members), ids, URLs, MIME types, numbers with exponents and the values a
 * request itself sent (`values`). A Chinese text leaks English when this is not empty.
 */
export const latinWords = (text: string, values: readonly string[] = []): string[] => {
  let rest = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) if (v) rest = rest.split(v).join(' ');
  rest = rest
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ') // URLs and schemes
    .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, ' ') // ULIDs
    .replace(/\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi, ' ') // UUIDs
    .replace(/\b[a-z]+\/[a-z0-9.+-]+\b/gi, ' ') // MIME types
    .replace(/\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/g, ' ') // codes
    .replace(/\b[A-Z]{2,}[a-z0-9]*\b/g, ' ') // acronyms: ISO, URL, IPv4
    .replace(/"[^"]*"|'[^']*'/g, ' ') // quoted values (an enum's members)
    .replace(/\d+(\.\d+)?e-?\d+/gi, ' ') // 1e-6
    .replace(/见 errors/g, ' '); // the problem document's own member
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
};

import { en } from './en';
import { zh } from './zh';
import type { Language } from './terms';

export type { Language } from './terms';

/** The shape every language's catalogue has: the English catalogue's keys and parameter types. */
export type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };
export type MessageKey = keyof Catalogue;

/** The parameters a key's text takes (`undefined` for a fixed text). */
export type ParamsOf<K extends MessageKey> = Catalogue[K] extends (p: infer P) => string ? P : undefined;
type ParamArgs<K extends MessageKey> = ParamsOf<K> extends undefined ? [] : [params: ParamsOf<K>];

/** A text not yet rendered: a catalogue key and its parameters, rendered once the reader's language is known. */
export type Msg = {
  [K in MessageKey]: ParamsOf<K> extends undefined ? { key: K; params?: undefined } : { key: K; params: ParamsOf<K> };
}[MessageKey];

/** Keys whose texts take no parameters. */
export type FixedKey = { [K in MessageKey]: ParamsOf<K> extends undefined ? K : never }[MessageKey];

const CATALOGUES: Record<Language, Catalogue> = { en, zh };

/** A message by key, rendered later (`msg('detail.notFound', { thing: 'order' })`). */
export const msg = <K extends MessageKey>(key: K, ...params: ParamArgs<K>): Msg => ({ key, params: params[0] }) as Msg;

/** The text of a key in a language. */
export const t = <K extends MessageKey>(lang: Language, key: K, ...params: ParamArgs<K>): string => {
  const entry = CATALOGUES[lang][key] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params[0]) : entry;
};

/** A message rendered in a language. */
export const render = (lang: Language, m: Msg): string => (t as (l: Language, k: MessageKey, p?: unknown) => string)(lang, m.key, m.params);

/** A message in every language, for texts stored once and read in either (notifications). */
export const inEveryLanguage = (m: Msg): Record<Language, string> => ({ zh: render('zh', m), en: render('en', m) });

const MARK = '\u0001msg:';

/**
 * A zod `message` that names a catalogue key: zod keeps a schema's own message whatever the parse's
 * locale, so the schema carries the key and the problem mapping renders it in the request's language.
 */
export const fieldMessage = (m: Msg): string => MARK + JSON.stringify(m);

/** The message a `fieldMessage` carries, or undefined for a text zod wrote itself. */
export const fieldMessageOf = (message: string): Msg | undefined =>
  message.startsWith(MARK) ? (JSON.parse(message.slice(MARK.length)) as Msg) : undefined;

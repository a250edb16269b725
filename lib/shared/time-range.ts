import { z } from 'zod';
import { fieldMessage, msg, type Msg } from '../i18n';

/**
 * The instants a key can hold: from the epoch to the last millisecond of year 9999 in UTC. Inside them an
 * ISO text (`toISOString`) has a four-digit year, so comparing keys as text compares the instants.
 */
export const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');
export const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '9999-12-31';

/** A time with any UTC offset, refused (naming the field) unless its instant lies within the keys' years. */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) >= EARLIEST && Date.parse(v) <= LATEST, { message: fieldMessage(msg('field.dateRange')) });

/** A calendar day (YYYY-MM-DD) within the same years. */
export const calendarDay = z.iso.date().refine((v) => v >= FIRST_DAY && v <= LAST_DAY, { message: fieldMessage(msg('field.dayRange')) });

/** An instant as the UTC text stored in keys and attributes (`createdAt`, `completedAt`). */
export const keyInstant = (v: string) => new Date(v).toISOString();

/** Whether `from` is not after `to`, compared as instants (their offsets may differ). */
export const inOrder = (from?: string, to?: string) => !(from && to) || Date.parse(from) <= Date.parse(to);

/**
 * The query fields of one time range of a list filter: `<name>From` and `<name>To`, both optional
 * {@link instant}s; pair with {@link rangeInOrder} on the object.
 */
export const instantRange = <N extends string>(name: N) =>
  ({ [`${name}From`]: instant.optional(), [`${name}To`]: instant.optional() }) as Record<`${N}From` | `${N}To`, z.ZodOptional<typeof instant>>;

/** The refinement (arguments of `.refine`) that `<name>From` is not after `<name>To`, refused on `<name>To`. */
export const rangeInOrder = <N extends string>(name: N, message: Msg) =>
  [
    (q: Partial<Record<`${N}From` | `${N}To`, string>>) => inOrder(q[`${name}From`], q[`${name}To`]),
    { path: [`${name}To`] as PropertyKey[], message: fieldMessage(message) },
  ] as const;

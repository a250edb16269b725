import { stringify } from 'csv-stringify/sync';
import { t } from '../i18n';
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { toOrderSummary, type Language } from './model';
import { walkOrders } from './repository';
import type { ExportQuery } from './export-schemas';
import { orderBodySchema, type OrderRow } from './schemas';

/** Bounds of one export: under Lambda's 6 MB response whatever the rows hold (README, docs/decisions.md). */
export const EXPORT_LIMITS = { rows: 5_000, bytes: 4_000_000, pages: 100 };


/** The CSV's columns in order; each header is the catalogue's `export.column.<key>`. */
const COLUMNS = [
  'orderId',
  'productName',
  'plan',
  'quantity',
  'unitPrice',
  'amount',
  'providerStatus',
  'buyerStatus',
  'buyer',
  'createdAt',
  'startedAt',
  'completedAt',
  'refund',
  'deliveryNote',
] as const;

/** Integer fen as yuan with two decimals, exactly (no floating point). */
export const yuan = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** An instant as `YYYY-MM-DD HH:mm:ss` in a time zone. */
export const localTime = (iso: string | undefined, tz: string) => {
  if (!iso) return '';
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(new Date(iso));
};

/** A cell a spreadsheet would run as a formula (=, +, -, @) is quoted with a leading apostrophe. */
const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** One CSV row per order, in the export's language and time zone. */
export const exportRow = (o: OrderRow, deliveryNote: string | undefined, lang: Language, tz: string) => {
  const labels = toOrderSummary(o, lang).labels;
  return {
    orderId: o.orderId,
    productName: o.productName,
    plan: o.planName,
    quantity: o.quantity,
    unitPrice: yuan(o.unitPrice),
    amount: yuan(o.amount),
    providerStatus: labels.provider,
    buyerStatus: labels.buyer,
    buyer: o.buyerName ?? '',
    createdAt: localTime(o.createdAt, tz),
    startedAt: localTime(o.startedAt, tz),
    completedAt: localTime(o.completedAt, tz),
    refund: o.refundedAt ? yuan(o.refundAmount ?? o.amount) : '',
    deliveryNote: deliveryNote ?? '',
  };
};

const toCsv = (rows: ReturnType<typeof exportRow>[], lang: Language, first: boolean) =>
  stringify(rows, {
    bom: first,
    header: first,
    columns: COLUMNS.map((key) => ({ key, header: t(lang, `export.column.${key}`) })),
    cast: { string: defuse },
    record_delimiter: 'windows',
  });

/**
 * The delivery notes of a page of orders, from their bodies (the list reads heads only): one BatchGetItem of
 * the page's bodies, 100 keys at most (a page is at most 100 orders).
 */
const deliveryNotes = async (orders: OrderRow[]): Promise<Map<string, string>> => {
  const notes = new Map<string, string>();
  let pending: Record<string, unknown>[] | undefined = orders.map((o) => keys.orderBody(o.orderId));
  while (pending && pending.length) {
    const out: BatchGetCommandOutput = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: 'orderId, deliveryNote' } } }));
    for (const item of out.Responses?.[tableName] ?? []) {
      const note = orderBodySchema.shape.deliveryNote.safeParse(item.deliveryNote);
      if (note.success && note.data) notes.set(String(item.orderId), note.data.note);
    }
    pending = out.UnprocessedKeys?.[tableName]?.Keys;
  }
  return notes;
};

/**
 * 订单导出: the provider's order list with the list's filters as CSV (UTF-8 with BOM), read page by page.
 * It stops before a page that would pass the bounds and says where to go on (`nextCursor`).
 */
export const exportOrders = async (providerId: string, q: ExportQuery, lang: Language) => {
  let csv = toCsv([], lang, true);
  let rows = 0;
  let cursor = q.cursor;
  // one walk of the list: each status partition is read once, not again for every page
  const walk = walkOrders({ providerId }, q);
  for (let pages = 0; ; pages++) {
    if (pages >= EXPORT_LIMITS.pages || rows >= EXPORT_LIMITS.rows) return { csv, rows, nextCursor: cursor ?? null };
    const page = await walk.next(Math.min(100, EXPORT_LIMITS.rows - rows));
    const notes = await deliveryNotes(page.items);
    const chunk = toCsv(page.items.map((o) => exportRow(o, notes.get(o.orderId), lang, q.tz)), lang, false);
    if (Buffer.byteLength(csv) + Buffer.byteLength(chunk) > EXPORT_LIMITS.bytes) return { csv, rows, nextCursor: cursor ?? null };
    csv += chunk;
    rows += page.items.length;
    if (!page.nextCursor) return { csv, rows, nextCursor: null };
    cursor = page.nextCursor;
  }
};

/**
 * An item as an index answers it: its keys, `type`, the names its declaration projects, and its list row
 * (`row`, lib/db/item.ts) unwrapped into it, so that a reader reads a listed attribute where it always did.
 */
export const unwrapRow = (item: Record<string, unknown>): Record<string, unknown> => {
  const { row, ...rest } = item;
  return row && typeof row === 'object' && !Array.isArray(row) ? { ...rest, ...(row as Record<string, unknown>) } : rest;
};

/** The items of an index Query, each unwrapped ({@link unwrapRow}). */
export const unwrapRows = (items: Record<string, unknown>[] | undefined): Record<string, unknown>[] => (items ?? []).map(unwrapRow);

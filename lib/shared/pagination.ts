import { z } from 'zod';

/** The query parameters every list takes (spec section 7): `limit` 1–100, default 20, and an opaque cursor. */
export const pageParams = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
};

/** The answer of every list (spec section 7): a page of items and the cursor of the next, or null at the end. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: 'pass as `cursor` for the next page; null at the end' }) });

import { z } from 'zod';

/** The query parameters every list takes (spec section 7): `limit` 1–100, default 20, and an opaque cursor. */
export const pageParams = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
};

import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { codeHashItemSchema, codeItemSchema, codeKeyItemSchema, saleItemSchema, stockItemSchema } from './schemas';

/** A plan's code stock, in the product's partition (the product page reads it with the product in one Query). */
export const codeStockItem = defineItem({
  name: 'code stock',
  type: 'code-stock',
  home: 'lib/codes/items.ts',
  description: 'A plan’s redemption codes: `stock` uploaded (numbered 1..stock), `taken` handed out (1..taken), `left`, in the product’s partition.',
  schema: stockItemSchema,
  key: (s: { productId: string; planId: string }) => keys.codeStock(s.productId, s.planId),
});

/** One redemption code, sealed, in its plan's partition by its number. */
export const codeItem = defineItem({
  name: 'redemption code',
  type: 'code',
  home: 'lib/codes/items.ts',
  description: 'One redemption code, sealed, with the hint the provider sees, in its plan’s partition by its number.',
  schema: codeItemSchema,
  key: (c: { productId: string; planId: string; seq: number }) => keys.code(c.productId, c.planId, c.seq),
  keyDoc: { SK: 'CODE#<seq, 10 digits>' },
});

/** Which order got which codes of a plan, written by the purchase. */
export const codeSaleItem = defineItem({
  name: 'code sale',
  type: 'code-sale',
  home: 'lib/codes/items.ts',
  description: 'Codes first..first+count−1 of a plan went to an order (the purchase’s transaction writes it).',
  schema: saleItemSchema,
  key: (s: { productId: string; planId: string; first: number }) => keys.codeSale(s.productId, s.planId, s.first),
  keyDoc: { SK: 'SALE#<first seq, 10 digits>' },
});

/** A code's keyed hash, put only if absent: one code once per product. */
export const codeHashItem = defineItem({
  name: 'code hash',
  type: 'code-hash',
  home: 'lib/codes/items.ts',
  description: 'A redemption code’s keyed hash (HMAC under the product’s key), so the same code is uploaded once per product.',
  schema: codeHashItemSchema,
  key: (h: { productId: string; hash: string }) => keys.codeHash(h.productId, h.hash),
  keyOnly: ['hash'],
});

/** The product's code hash key, sealed. */
export const codeKeyItem = defineItem({
  name: 'code hash key',
  type: 'code-key',
  home: 'lib/codes/items.ts',
  description: 'The random key of a product’s code hashes, sealed, in the product’s partition.',
  schema: codeKeyItemSchema,
  key: (k: { productId: string }) => keys.codeKey(k.productId),
});

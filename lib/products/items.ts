import { z } from 'zod';
import { CopyOf, defineItem } from '../db/item';
import { keys } from '../db/keys';
import { LISTINGS, productBodySchema, productHeadSchema } from './schemas';

/**
 * What buyers may see: a listed product whose organisation is not suspended. `suspended` is read only for a
 * listed product, so a blind update that moves a product out of `listed` need not know it.
 */
export const isPublic = (p: { listing: string; suspended?: boolean }) => p.listing === 'listed' && p.suspended !== true;

const byTime = (at: string, id: string) => keys.sortByTime(at, id);

/** The stored copy of the provider's GSI5 partition for one listing (an operator's command does not know the provider). */
const listingKey = (listing: string) => `listingKey_${listing}`;

/**
 * A product's head (its body, in no index, is below): one item whose two facts (`listing`, `review`) place it in the catalogue, the review queue and
 * the status lists. Every write of a product computes these places from here.
 *
 * A status change is one blind conditional write (docs/decisions.md), so it moves keys whose facts it does
 * not know: the provider's partition of a listing (GSI5; an operator's approve or takedown does not know the
 * provider) and the catalogue of the draft's service type (GSI3; approving copies the draft to `live`). The
 * product keeps copies of those keys (`copies`), written on every Put and every edit, and the update copies
 * the key from them (`SET GSI5PK = listingKey_listed`, `SET GSI3PK = draftCatalogKey`).
 *
 * The head carries what the lists show (docs/decisions.md, "Order and product items: head and body"): the
 * cards of the live and the draft content (content without its description and requirements form), so
 * that approval copies the draft's card to the live one blind, as it copies the draft to `live` in the body.
 */
export const productItem = defineItem({
  name: 'product',
  type: 'product',
  home: 'lib/products/items.ts',
  description: 'A product’s head: listing and review state, parties, times, rating aggregate, the cards of its live and draft content.',
  schema: productHeadSchema,
  key: (p: { productId: string }) => keys.product(p.productId),
  // the summary rows: every list of products (catalogue cards, the provider's and the operator's lists, the
  // review queue) is made of these; `version` and `updatedAt` are shown by the lists (the review queue's
  // 通过 names the version reviewed; the provider's list shows when it changed)
  listed: Object.keys(productHeadSchema.shape),
  copies: {
    ...Object.fromEntries(
      LISTINGS.map((l) => [listingKey(l), { uses: ['providerId'] as const, build: (p: { providerId: string }) => keys.providerProductsByListing(p.providerId, l) }]),
    ),
    draftCatalogKey: { uses: ['draftCard'], build: (p) => keys.catalogByType(p.draftCard.serviceType), doc: 'CATALOG#<draftCard.serviceType>' },
  },
  indexes: {
    GSI1: {
      pk: { uses: ['providerId'], build: (p) => keys.providerProducts(p.providerId) },
      sk: { uses: ['createdAt', 'productId'], build: (p) => byTime(p.createdAt, p.productId) },
      serves: ['a provider’s products, newest first (`GET /provider/products`); the operator’s product search by provider'],
    },
    GSI2: {
      when: { uses: ['listing', 'suspended'], test: (p) => isPublic(p), doc: 'while listed and its organisation not suspended' },
      pk: { uses: [], build: () => keys.catalog },
      sk: { uses: ['listedAt', 'productId'], build: (p) => byTime(p.listedAt!, p.productId) },
      serves: ['the catalogue, newest listing first (`GET /products`)'],
    },
    GSI3: {
      when: { uses: ['listing', 'suspended'], test: (p) => isPublic(p), doc: 'while listed and its organisation not suspended' },
      pk: {
        uses: ['liveCard'],
        build: (p) => keys.catalogByType(p.liveCard!.serviceType),
        // approving copies the draft's card to the live one: its catalogue is the draft's
        copiedFrom: (p) => (p.liveCard instanceof CopyOf && p.liveCard.attribute === 'draftCard' ? 'draftCatalogKey' : undefined),
        doc: 'CATALOG#<liveCard.serviceType>',
      },
      sk: { uses: ['listedAt', 'productId'], build: (p) => byTime(p.listedAt!, p.productId) },
      serves: ['the catalogue of one service type (`GET /products?serviceType=`)'],
    },
    GSI4: {
      when: { uses: ['review'], test: (p) => p.review === 'in_review', doc: 'while in review' },
      pk: { uses: [], build: () => keys.reviewQueue },
      sk: { uses: ['submittedAt', 'productId'], build: (p) => byTime(p.submittedAt!, p.productId) },
      serves: ['the review queue, oldest submission first (`GET /operator/reviews`)'],
    },
    GSI5: {
      pk: {
        uses: ['providerId', 'listing'],
        build: (p) => keys.providerProductsByListing(p.providerId, p.listing),
        copiedFrom: (p) => (p.listing ? listingKey(p.listing) : undefined),
      },
      sk: { uses: ['review', 'productId'], build: (p) => keys.productReviewSort(p.review, p.productId), doc: '<review code>#<productId>' },
      serves: ['a provider’s products in one status (`GET /provider/products?status=`): per listing, a range of review codes; the operator’s search of a few organisations in one status, merged'],
    },
    GSI7: {
      pk: { uses: [], build: () => keys.allProducts },
      sk: { uses: ['createdAt', 'productId'], build: (p) => byTime(p.createdAt, p.productId) },
      serves: ['the operator’s product search, every product (`GET /operator/products`)'],
    },
    GSI8: {
      pk: { uses: ['listing'], build: (p) => keys.productsByListing(p.listing) },
      sk: { uses: ['review', 'productId'], build: (p) => keys.productReviewSort(p.review, p.productId), doc: '<review code>#<productId>' },
      serves: ['the operator’s product search by status (`GET /operator/products?status=`)'],
    },
  },
});

/**
 * A product's body, beside its head in the product's partition and in no index: the draft, the live content,
 * the review history. The product page and every command read it with the head (one Query, one transaction).
 */
export const productBodyItem = defineItem({
  name: 'product body',
  type: 'product-body',
  home: 'lib/products/items.ts',
  description: 'A product’s content (draft, live) and review history, beside its head, in no index.',
  schema: productBodySchema,
  key: (b: { productId: string }) => keys.productBody(b.productId),
  keyDoc: { SK: 'PRODUCT#BODY' },
});

/**
 * A product's sale state: what a purchase must find unchanged (listed, not suspended, the live content it read)
 * in an item of a hundred bytes, not in the head (its cards make it 1–3 KB, and a transaction's condition
 * check costs like a write of the item it reads). Every write changing the head's `listing`, `liveRevision` or
 * `suspended` writes it in the same transaction (lib/products/sale.ts); a product listed before it existed has
 * none, and a purchase then checks the head (docs/decisions.md, "Paying for what changed").
 */
export const productSaleItem = defineItem({
  name: 'product sale state',
  type: 'product-sale',
  home: 'lib/products/items.ts',
  description: 'A product’s listing, live revision and suspension, copied from its head in the same transaction: what a purchase checks.',
  schema: z.object({
    productId: z.string(),
    listing: z.enum(LISTINGS).optional(),
    liveRevision: z.string().optional(),
    suspended: z.literal(true).optional(),
  }),
  key: (s: { productId: string }) => keys.productSale(s.productId),
  keyDoc: { SK: 'SALE' },
});

/** A product's timeline entry: who took which step, when (the stream turns it into notifications). */
export const productEntrySchema = z.object({
  entity: z.literal('product'),
  entryId: z.string(),
  productId: z.string(),
  action: z.string(),
  actor: z.string(),
  role: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ProductEntry = z.infer<typeof productEntrySchema>;

export const productEntryItem = defineItem({
  name: 'product timeline entry',
  type: 'timeline',
  home: 'lib/products/items.ts',
  description: 'One step of a product (submit, approve, reject, delist, takedown…), in the product’s partition.',
  schema: productEntrySchema,
  key: (e: { productId: string; at: string; entryId: string }) => keys.productTimeline(e.productId, e.at, e.entryId),
});

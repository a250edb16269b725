import { z } from 'zod';
import { CopyOf, defineItem } from '../db/item';
import { keys } from '../db/keys';
import { LISTINGS, productItemSchema } from './schemas';

/**
 * What buyers may see: a listed product whose organisation is not suspended. `suspended` is read only for a
 * listed product, so a blind update that moves a product out of `listed` need not know it.
 */
export const isPublic = (p: { listing: string; suspended?: boolean }) => p.listing === 'listed' && p.suspended !== true;

const byTime = (at: string, id: string) => keys.sortByTime(at, id);

/** The stored copy of the provider's GSI5 partition for one listing (an operator's command does not know the provider). */
const listingKey = (listing: string) => `listingKey_${listing}`;

/**
 * A product: one item whose two facts (`listing`, `review`) place it in the catalogue, the review queue and
 * the status lists. Every write of a product computes these places from here.
 *
 * A status change is one blind conditional write (docs/decisions.md), so it moves keys whose facts it does
 * not know: the provider's partition of a listing (GSI5; an operator's approve or takedown does not know the
 * provider) and the catalogue of the draft's service type (GSI3; approving copies the draft to `live`). The
 * product keeps copies of those keys (`copies`), written on every Put and every edit, and the update copies
 * the key from them (`SET GSI5PK = listingKey_listed`, `SET GSI3PK = draftCatalogKey`).
 */
export const productItem = defineItem({
  name: 'product',
  type: 'product',
  home: 'lib/products/items.ts',
  description: 'A provider’s product: its draft, its live content, its listing and review state.',
  schema: productItemSchema,
  key: (p: { productId: string }) => keys.product(p.productId),
  copies: {
    ...Object.fromEntries(
      LISTINGS.map((l) => [listingKey(l), { uses: ['providerId'] as const, build: (p: { providerId: string }) => keys.providerProductsByListing(p.providerId, l) }]),
    ),
    draftCatalogKey: { uses: ['draft'], build: (p) => keys.catalogByType(p.draft.serviceType), doc: 'CATALOG#<draft.serviceType>' },
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
        uses: ['live'],
        build: (p) => keys.catalogByType(p.live!.serviceType),
        // approving copies the draft to `live`: its catalogue is the draft's
        copiedFrom: (p) => (p.live instanceof CopyOf && p.live.attribute === 'draft' ? 'draftCatalogKey' : undefined),
        doc: 'CATALOG#<live.serviceType>',
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

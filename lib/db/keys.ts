import { createHash } from 'node:crypto';

/** Every key string of the table is built here; see docs/decisions.md for the design. */

export const DUE_SHARDS = 16;

/** The review state as a sort-key prefix: in review sorts last, so "not in review" is one range. */
const REVIEW_CODES: Record<string, string> = { none: '1', draft: '1', rejected: '2', in_review: '3' };

const shardOf = (id: string) => createHash('sha1').update(id).digest().readUInt16BE(0) % DUE_SHARDS;

export const keys = {
  product: (productId: string) => ({ PK: `PRODUCT#${productId}`, SK: 'PRODUCT' }),
  /** A product's body (draft, live content, review history): beside its head, in no index; `begins_with(SK, 'PRODUCT')` reads both. */
  productBody: (productId: string) => ({ PK: `PRODUCT#${productId}`, SK: 'PRODUCT#BODY' }),
  /**
   * A product's sale state (listing, live revision, suspension): the small item a purchase's condition checks,
   * written in the transaction of every change to them; `SALE` sorts after `PRODUCT#BODY`, so the product's
   * Query does not read it.
   */
  productSale: (productId: string) => ({ PK: `PRODUCT#${productId}`, SK: 'SALE' }),
  productTimeline: (productId: string, at: string, entryId: string) => ({
    PK: `PRODUCT#${productId}`,
    SK: `TIMELINE#${at}#${entryId}`,
  }),
  providerProducts: (providerId: string) => `PROVIDER#${providerId}#PRODUCTS`,
  catalog: 'CATALOG',
  catalogByType: (serviceType: string) => `CATALOG#${serviceType}`,
  reviewQueue: 'REVIEW',
  sortByTime: (at: string, id: string) => `${at}#${id}`,

  order: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ORDER' }),
  /** An order's body (snapshot, answers, delivery, contact): beside its head, in no index; `begins_with(SK, 'ORDER')` reads both. */
  orderBody: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ORDER#BODY' }),
  orderPartition: (orderId: string) => `ORDER#${orderId}`,
  /** An order's timeline entry sorts by the order version it made (zero-padded), not by its clock. */
  orderTimeline: (orderId: string, version: number) => ({
    PK: `ORDER#${orderId}`,
    SK: `TIMELINE#${String(version).padStart(10, '0')}`,
  }),
  /**
   * A party's every-status order lists as GSI1 and GSI2 held them before they became the party's status
   * partitions merged (docs/decisions.md): no order is written there now; the bench prices the previous design with them.
   */
  providerOrders: (providerId: string) => `PROVIDER#${providerId}#ORDERS`,
  buyerOrders: (buyerId: string) => `BUYER#${buyerId}#ORDERS`,
  /** A party's orders in one status (GSI5 provider, GSI6 buyer): the status filter as a key condition. */
  providerOrdersIn: (providerId: string, status: string) => `PROVIDER#${providerId}#ORDERS#${status}`,
  buyerOrdersIn: (buyerId: string, status: string) => `BUYER#${buyerId}#ORDERS#${status}`,
  dueShard: (id: string) => `DUE#${shardOf(id)}`,
  dueShards: () => Array.from({ length: DUE_SHARDS }, (_, i) => `DUE#${i}`),
  /** SaaS orders the SaaS job has something to do with (a call, an expiry): their own shards, apart from `DUE#`. */
  saasDueShard: (id: string) => `SAASDUE#${shardOf(id)}`,
  saasDueShards: () => Array.from({ length: DUE_SHARDS }, (_, i) => `SAASDUE#${i}`),
  /** The claim of one attempt of a SaaS call, in the order's partition: one sender per attempt. */
  saasCallClaim: (orderId: string, eventId: string) => ({ PK: `ORDER#${orderId}`, SK: `SAASCALL#${eventId}` }),
  /** Webhook deliveries waiting for a retry: their own shards, so the order job never reads them. */
  retryShard: (id: string) => `RETRY#${shardOf(id)}`,
  retryShards: () => Array.from({ length: DUE_SHARDS }, (_, i) => `RETRY#${i}`),

  /**
   * An order command's replay record: a partition of its own, read by its key (GetItem) beside the order's
   * Query, so that no read of the order's partition ever reads a replay record (docs/decisions.md).
   */
  orderIdempotency: (orderId: string, userId: string, route: string, key: string) => ({
    PK: `IDEMPOTENCY#ORDER#${orderId}#${userId}#${route}#${key}`,
    SK: 'IDEMPOTENCY',
  }),
  /**
   * A user's fixed-window counter of one kind of action (orders, products, messages). The window's length
   * is part of the key: windows of different lengths can start at the same instant (a minute's and an
   * hour's at every full hour) and must never share a count.
   */
  rateCounter: (userId: string, name: string, windowSeconds: number, windowStart: string) => ({
    PK: `RATE#${userId}#${name}#${windowSeconds}#${windowStart}`,
    SK: 'RATE',
  }),
  idempotency: (userId: string, route: string, key: string) => ({
    PK: `IDEMPOTENCY#${userId}#${route}#${key}`,
    SK: 'IDEMPOTENCY',
  }),

  notification: (recipientId: string, entryId: string) => ({
    PK: `NOTIFICATION#${recipientId}#${entryId}`,
    SK: 'NOTIFICATION',
  }),
  userNotifications: (userId: string) => `USER#${userId}#NOTIFICATIONS`,
  userUnread: (userId: string) => `USER#${userId}#UNREAD`,
  inbox: (userId: string) => ({ PK: `USER#${userId}`, SK: 'INBOX' }),
  /** The inbox counter's sort key in the inbox indexes: above every `<createdAt>#<id>`. */
  inboxCounterSort: '~INBOX',
  webhook: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'WEBHOOK' }),
  delivery: (deliveryId: string) => ({ PK: `DELIVERY#${deliveryId}`, SK: 'DELIVERY' }),
  providerDeliveries: (providerId: string) => `PROVIDER#${providerId}#DELIVERIES`,

  // SaaS 接入 (docs/decisions.md, "SaaS endpoint and call log"): the endpoint beside the webhook in the
  // organisation's partition; a call keyed by its organisation and eventId, so someone else's id finds nothing
  saasEndpoint: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'SAAS_ENDPOINT' }),
  saasCall: (providerId: string, callId: string) => ({ PK: `SAASCALL#${providerId}#${callId}`, SK: 'SAASCALL' }),
  providerSaasCalls: (providerId: string) => `PROVIDER#${providerId}#SAASCALLS`,

  // Conversation, attachments and ratings: in the order's partition (docs/decisions.md)
  attachment: (orderId: string, attachmentId: string) => ({ PK: `ORDER#${orderId}`, SK: `ATTACHMENT#${attachmentId}` }),
  attachmentCounter: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ATTACHMENTS' }),
  /** The S3 object key of an attachment; IAM grants the functions `orders/*` only. */
  attachmentObject: (orderId: string, attachmentId: string) => `orders/${orderId}/${attachmentId}`,
  review: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'REVIEW' }),
  productReviews: (productId: string) => `PRODUCT#${productId}#REVIEWS`,
  // Operator search, dashboard, delivery status (docs/decisions.md, GSI7 and GSI8)
  /** Every order (GSI7), sharded by a hash of the order id. */
  allOrdersShard: (orderId: string) => `ORDERS#${shardOf(orderId)}`,
  allOrdersShards: () => Array.from({ length: DUE_SHARDS }, (_, i) => `ORDERS#${i}`),
  /** Orders in one status (GSI8), sharded like every order. */
  ordersByStatusShard: (status: string, orderId: string) => `ORDERS#${status}#${shardOf(orderId)}`,
  ordersByStatusShards: (status: string) => Array.from({ length: DUE_SHARDS }, (_, i) => `ORDERS#${status}#${i}`),
  /** Every product (GSI7). */
  allProducts: 'PRODUCTS',
  /**
   * A provider's products by listing (GSI5PK, overloaded: orders use GSI5 for a provider's status); the sort
   * key carries the review code like GSI8SK. Written at creation as three attributes a command copies from.
   */
  providerProductsByListing: (providerId: string, listing: string) => `PROVIDER#${providerId}#PRODUCTS#${listing}`,
  /** Products by listing (GSI8PK); the sort key carries the review code (GSI8SK). */
  productsByListing: (listing: string) => `PRODUCTS#${listing}`,
  productReviewSort: (review: string, productId: string) => `${REVIEW_CODES[review] ?? '1'}#${productId}`,
  reviewCodes: () => REVIEW_CODES,
  deliveriesByStatus: (providerId: string, status: string) => `PROVIDER#${providerId}#DELIVERIES#${status}`,
  dashboard: (providerId: string) => `PROVIDER#${providerId}#DASHBOARD`,
  dashboardDay: (day: string) => `DAY#${day}`,
  dashboardStatus: 'STATUS',
  dashboardMark: (entryId: string) => ({ PK: `DASHBOARD_MARK#${entryId}`, SK: 'DASHBOARD_MARK' }),

  // The live console (docs/decisions.md, "Live console"): a person's open connections in their own partition,
  // so an event's fan-out is one Query per recipient; the connection's owner by its id, for $disconnect.
  userConnections: (userId: string) => `USER#${userId}#CONNECTIONS`,
  connection: (userId: string, connectionId: string) => ({ PK: `USER#${userId}#CONNECTIONS`, SK: `CONNECTION#${connectionId}` }),
  connectionOwner: (connectionId: string) => ({ PK: `CONNECTION#${connectionId}`, SK: 'CONNECTION' }),
  /** One event pushed to one connection: a redelivered event finds it and pushes nothing twice. */
  pushMark: (eventId: string, connectionId: string) => ({ PK: `PUSH#${eventId}#${connectionId}`, SK: 'PUSH' }),

  // Provider organisations, their credit codes and members (docs/decisions.md, "Provider organisations")
  organisation: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'ORGANISATION' }),
  /** Every organisation (GSI7), by name; a name prefix is a begins_with on the sort key. */
  allOrganisations: 'ORGANISATIONS',
  /** Organisations in one status (GSI8), by name. */
  organisationsIn: (status: string) => `ORGANISATIONS#${status}`,
  organisationSort: (name: string, providerId: string) => `${name}#${providerId}`,
  creditCode: (creditCode: string) => ({ PK: `CREDITCODE#${creditCode}`, SK: 'CREDITCODE' }),
  /** A person's partition: their inbox counter, memberships and profile. */
  person: (userId: string) => `USER#${userId}`,
  membershipPrefix: 'MEMBER#',
  membership: (userId: string, providerId: string) => ({ PK: `USER#${userId}`, SK: `MEMBER#${providerId}` }),
  /** An organisation's team (GSI1), oldest member first. */
  organisationMembers: (providerId: string) => `PROVIDER#${providerId}#MEMBERS`,

  // Redemption codes (docs/decisions.md, "Redemption codes"): each plan's stock and the hash key in the product's
  // partition (`CODESTOCK#` sorts between `CODEKEY` and `PRODUCT`); the codes and their sales in the plan's own
  // partition, numbered 1..stock
  codeStock: (productId: string, planId: string) => ({ PK: `PRODUCT#${productId}`, SK: `CODESTOCK#${planId}` }),
  codeStockPrefix: 'CODESTOCK#',
  codeKey: (productId: string) => ({ PK: `PRODUCT#${productId}`, SK: 'CODEKEY' }),
  planCodes: (productId: string, planId: string) => `CODES#${productId}#${planId}`,
  code: (productId: string, planId: string, seq: number) => ({ PK: `CODES#${productId}#${planId}`, SK: `CODE#${String(seq).padStart(10, '0')}` }),
  codeSale: (productId: string, planId: string, first: number) => ({ PK: `CODES#${productId}#${planId}`, SK: `SALE#${String(first).padStart(10, '0')}` }),
  codeHash: (productId: string, hash: string) => ({ PK: `CODEHASH#${productId}#${hash}`, SK: 'CODEHASH' }),
  // People: profiles and email marks (docs/decisions.md, "People: email, profiles, registration")
  /** A person's profile, in their partition (after `MEMBER#…`, so the person's one Query reads it too). */
  profile: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** One event mailed to one recipient: a redelivered event finds it and mails nobody twice. */
  emailMark: (eventId: string, recipientId: string) => ({ PK: `EMAIL#${eventId}#${recipientId}`, SK: 'EMAIL' }),
  // Members, invitations and suspension (docs/decisions.md, "Members, invitations and suspension")
  /** An organisation's timeline entry (suspended, reinstated), in the organisation's partition. */
  organisationTimeline: (providerId: string, at: string, entryId: string) => ({ PK: `PROVIDER#${providerId}`, SK: `TIMELINE#${at}#${entryId}` }),
  /** An invitation by the SHA-256 of its token: the token itself is stored nowhere. */
  invitation: (hash: string) => ({ PK: `INVITATION#${hash}`, SK: 'INVITATION' }),
  /** An organisation's pending invitations (GSI1), by expiry. */
  organisationInvitations: (providerId: string) => `PROVIDER#${providerId}#INVITATIONS`,

  // Provider applications (入驻) and their licence uploads (docs/decisions.md, "Provider applications")
  application: (applicationId: string) => ({ PK: `APPLICATION#${applicationId}`, SK: 'APPLICATION' }),
  applicationTimeline: (applicationId: string, at: string, entryId: string) => ({
    PK: `APPLICATION#${applicationId}`,
    SK: `TIMELINE#${at}#${entryId}`,
  }),
  /** A person's applications (GSI1), newest first. */
  applicantApplications: (userId: string) => `USER#${userId}#APPLICATIONS`,
  /** The applications in one status (GSI2), oldest submission first: the operator's queue. */
  applicationsIn: (status: string) => `APPLICATIONS#${status}`,
  licence: (licenceId: string) => ({ PK: `LICENCE#${licenceId}`, SK: 'LICENCE' }),
  /** The S3 key a licence is uploaded to; only the grant function may write under `licences/`. */
  licenceObject: (userId: string, licenceId: string) => `licences/${userId}/${licenceId}`,
  /** Where the licence checked at its first reference is kept: no grant reaches it. */
  verifiedLicenceObject: (licenceId: string, etag: string) => `verified/licences/${licenceId}/${etag.replace(/[^A-Za-z0-9-]/g, '')}`,
};

/** Index names and their key attributes. */
export const indexes = {
  GSI1: { name: 'GSI1', pk: 'GSI1PK', sk: 'GSI1SK' },
  GSI2: { name: 'GSI2', pk: 'GSI2PK', sk: 'GSI2SK' },
  GSI3: { name: 'GSI3', pk: 'GSI3PK', sk: 'GSI3SK' },
  GSI4: { name: 'GSI4', pk: 'GSI4PK', sk: 'GSI4SK' },
  GSI5: { name: 'GSI5', pk: 'GSI5PK', sk: 'GSI5SK' },
  GSI6: { name: 'GSI6', pk: 'GSI6PK', sk: 'GSI6SK' },
  GSI7: { name: 'GSI7', pk: 'GSI7PK', sk: 'GSI7SK' },
  GSI8: { name: 'GSI8', pk: 'GSI8PK', sk: 'GSI8SK' },
} as const;

export type IndexName = keyof typeof indexes;

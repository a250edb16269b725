import { attachmentCounterItem, attachmentItem } from './attachments/items';
import { dashboardDayItem, dashboardMarkItem, dashboardStatusItem } from './dashboard/items';
import { connectionItem, connectionOwnerItem, pushMarkItem } from './live/items';
import { inboxItem, notificationItem } from './notifications/items';
import { orderBodyItem, orderEntryItem, orderItem } from './orders/items';
import { productBodyItem, productEntryItem, productItem, productSaleItem } from './products/items';
import { creditCodeItem, membershipItem, organisationItem } from './providers/items';
import { applicationEntryItem, applicationItem, licenceItem } from './providers/applications/items';
import { invitationItem } from './members/items';
import { organisationEntryItem } from './suspension/items';
import { emailMarkItem, profileItem } from './people/items';
import { reviewItem } from './reviews/items';
import { idempotencyItem, orderIdempotencyItem, rateCounterItem } from './shared/items';
import { deliveryItem, webhookItem } from './webhooks/items';
// SaaS 接入
import { saasCallItem, saasEndpointItem } from './saas/items';
// Redemption codes
import { codeHashItem, codeItem, codeKeyItem, codeSaleItem, codeStockItem } from './codes/items';

/**
 * Every item type of the table, by its declaration (lib/db/item.ts). docs/indexes.md is generated from this
 * list (`npm run docs:indexes`); a test holds the table's definition in serverless.yml to it.
 */
export const ITEM_DECLARATIONS = [
  productItem,
  productBodyItem,
  productSaleItem,
  productEntryItem,
  orderItem,
  orderBodyItem,
  orderEntryItem,
  attachmentItem,
  attachmentCounterItem,
  reviewItem,
  notificationItem,
  inboxItem,
  webhookItem,
  deliveryItem,
  idempotencyItem,
  orderIdempotencyItem,
  rateCounterItem,
  dashboardMarkItem,
  dashboardDayItem,
  dashboardStatusItem,
  connectionItem,
  connectionOwnerItem,
  pushMarkItem,
  // SaaS 接入
  saasEndpointItem,
  saasCallItem,
  // Provider organisations (lib/providers/items.ts)
  organisationItem,
  creditCodeItem,
  membershipItem,
  // Redemption codes (lib/codes/items.ts)
  codeStockItem,
  codeItem,
  codeSaleItem,
  codeHashItem,
  codeKeyItem,
  // Provider applications (入驻) and their licence uploads (lib/providers/applications/items.ts)
  applicationItem,
  applicationEntryItem,
  licenceItem,
  // People: profiles and email marks (lib/people/items.ts)
  profileItem,
  emailMarkItem,
  // Members, invitations and suspension (lib/members/items.ts, lib/suspension/items.ts)
  invitationItem,
  organisationEntryItem,
] as const;

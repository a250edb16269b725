import { ratingSummary } from '../reviews/model';
import type { Role } from '../http/auth';
import { newId } from '../shared/ids';
import {
  LISTINGS,
  PROVIDER_PRODUCT_ACTIONS,
  type ProviderProductAction,
  REVIEWS,
  type ContentInput,
  type ContentPatch,
  type Listing,
  type ProductContent,
  type ProductCard,
  type ProductHead,
  type ProductItem,
  type ProductStatus,
  type Review,
  type CatalogItemView,
  type CatalogListItemView,
  type ProviderProductView,
  type ProductRowView,
} from './schemas';
import { t } from '../i18n';
import { availableOf } from '../codes/model';

/**
 * A product's state is two facts: whether buyers can see it (`listing`) and where its draft content
 * stands in review (`review`). The public status and the pending revision are derived from them.
 */
export interface Phase {
  listing: Listing;
  review: Review;
}

export type ProductAction = 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'delist' | 'takedown';

/** Every phase a product can be in: a product that was never listed always has a draft in some review state. */
export const PHASES: Phase[] = LISTINGS.flatMap((listing) =>
  REVIEWS.filter((review) => listing !== 'unlisted' || review !== 'none').map((review) => ({ listing, review })),
);

interface ActionRule {
  role: Role;
  /** Whether the action is allowed from a phase. */
  from: (p: Phase) => boolean;
  /** What the action sets; everything else stays. A function where it depends on the phase acted from. */
  to: Partial<Phase> | ((p: Phase) => Partial<Phase>);
}

/** The product state machine as data: who may act, from which phases, and what changes. */
export const productRules: Record<ProductAction, ActionRule> = {
  edit: { role: 'provider', from: (p) => p.review !== 'in_review', to: { review: 'draft' } },
  submit: {
    role: 'provider',
    from: (p) => p.review === 'draft' || p.review === 'rejected' || (p.listing === 'delisted' && p.review === 'none'),
    to: { review: 'in_review' },
  },
  withdraw: { role: 'provider', from: (p) => p.review === 'in_review', to: { review: 'draft' } },
  approve: {
    role: 'operator',
    from: (p) => p.review === 'in_review',
    to: { listing: 'listed', review: 'none' },
  },
  reject: { role: 'operator', from: (p) => p.review === 'in_review', to: { review: 'rejected' } },
  /**
   * 下架 whatever the pending revision: the listed version leaves the catalogue at once; a revision under
   * review is withdrawn with it (back to the provider's draft), so no approval can relist what its provider
   * took down. Relisting is 修改 → 提交 as for any delisted product.
   */
  delist: {
    role: 'provider',
    from: (p) => p.listing === 'listed',
    to: (p) => (p.review === 'in_review' ? { listing: 'delisted', review: 'draft' } : { listing: 'delisted' }),
  },
  /** 违规下架: the platform takes a listed product down whatever its pending revision; relisting is reviewed. */
  takedown: {
    role: 'operator',
    from: (p) => p.listing === 'listed',
    to: { listing: 'delisted', review: 'rejected' },
  },
};

/** What an action sets when taken from a phase. */
export const targetOf = (action: ProductAction, phase: Phase): Partial<Phase> => {
  const { to } = productRules[action];
  return typeof to === 'function' ? to(phase) : to;
};

/** The phase after an action, or undefined when the action is not allowed from that phase. */
export const nextPhase = (phase: Phase, action: ProductAction): Phase | undefined =>
  productRules[action].from(phase) ? { ...phase, ...targetOf(action, phase) } : undefined;

export const allowedPhases = (action: ProductAction): Phase[] => PHASES.filter(productRules[action].from);

/**
 * The phases an action is allowed from, grouped by what it sets from them: each group is one blind
 * conditional write (most actions have one group; 下架 two: with and without a revision under review).
 */
export const transitionGroups = (action: ProductAction): { phases: Phase[]; to: Partial<Phase> }[] => {
  const groups = new Map<string, { phases: Phase[]; to: Partial<Phase> }>();
  for (const phase of allowedPhases(action)) {
    const to = targetOf(action, phase);
    const key = JSON.stringify(to);
    const group = groups.get(key) ?? { phases: [], to };
    group.phases.push(phase);
    groups.set(key, group);
  }
  return [...groups.values()];
};

/** 删除: only a product buyers never saw (never listed), whatever its review. */
export const deletable = (p: Phase) => p.listing === 'unlisted';


/** What the provider may do with a product in this phase: the rules above answer it, so the console offers nothing the API refuses. */
export const providerActions = (p: Phase): ProviderProductAction[] =>
  PROVIDER_PRODUCT_ACTIONS.filter((a) => (a === 'delete' ? deletable(p) : productRules[a].role === 'provider' && productRules[a].from(p)));

/** The status the spec's table names (未提交审核, 审核中, 审核驳回, 已上架, 已下架). */
export const statusOf = ({ listing, review }: Phase): ProductStatus => {
  if (listing === 'listed') return 'listed';
  if (review === 'in_review') return 'in_review';
  // a product that buyers once saw stays 已下架 until it is back in review; its pending changes show beside
  if (listing === 'delisted') return 'delisted';
  return review === 'rejected' ? 'rejected' : 'draft';
};

export const phasesWithStatus = (status: ProductStatus): Phase[] => PHASES.filter((p) => statusOf(p) === status);


/** Gives every plan an id so orders can name it; ids the provider chose are kept. */
export function normalizeContent(content: ContentInput): ProductContent;
export function normalizeContent(content: ContentPatch): ContentPatch;
export function normalizeContent(content: Partial<ContentInput>) {
  if (!content.plans) return content;
  return { ...content, plans: content.plans.map((p) => ({ ...p, planId: p.planId ?? `plan-${newId().slice(-10).toLowerCase()}` })) };
}

/** What the provider's view and its summary row share: the product's state, read from its head. */
const stateOf = (p: Omit<ProductHead, 'liveCard' | 'draftCard'>) => {
  const status = statusOf(p);
  const pending = p.review !== 'none';
  return {
    pending,
    state: {
      productId: p.productId,
      providerId: p.providerId,
      providerName: p.providerName ?? null,
      status,
      statusLabel: t('zh', `status.product.${status}`),
      version: p.version,
      revision:
        p.listing === 'listed' && pending
          ? { status: p.review as 'draft' | 'in_review' | 'rejected', ...(p.reviewReason ? { reason: p.reviewReason } : {}) }
          : null,
      ...(p.review === 'rejected' && p.reviewReason ? { rejectionReason: p.reviewReason } : {}),
      reviewState: p.review,
      actions: providerActions(p),
      submittedAt: p.review === 'in_review' ? (p.submittedAt ?? null) : null,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    },
  };
};

/** The provider's view: live version, the content being edited or reviewed, the pending revision, history. */
export const toProviderView = (p: ProductItem): ProviderProductView => {
  const { pending, state } = stateOf(p);
  return {
    ...state,
    live: p.live,
    draft: pending ? p.draft : null,
    reviewHistory: p.reviewHistory.map((r) => ({ ...r, operatorName: r.operatorName ?? null })),
  };
};

/** The provider's view as a summary row, from the product's head alone: the cards of its content, no history. */
export const toProductRow = (p: ProductHead): ProductRowView => {
  const { pending, state } = stateOf(p);
  return { ...state, live: p.liveCard, draft: pending ? p.draftCard : null };
};

/** What buyers see: the approved content only. */
export const toCatalogView = (p: ProductItem, codeStock?: Record<string, { stock: number; left: number }>): CatalogItemView => ({
  productId: p.productId,
  providerName: p.providerName ?? null,
  ...(p.live as ProductContent),
  listedAt: p.listedAt,
  ...(p.live?.delivery === 'code'
    ? { codesAvailable: Object.fromEntries(p.live.plans.map((plan) => [plan.planId, availableOf(codeStock?.[plan.planId])])) }
    : {}),
  rating: ratingSummary(p),
});

/** A catalogue list item: the product page without its description and requirements form, from the head's live card. */
export const toCatalogListItem = (p: ProductHead): CatalogListItemView => ({
  productId: p.productId,
  providerName: p.providerName ?? null,
  ...(p.liveCard as ProductCard),
  listedAt: p.listedAt,
  ...(p.liveCard?.delivery === 'code' ? { codesAvailable: Object.fromEntries(p.liveCard.plans.map((plan) => [plan.planId, availableOf(undefined)])) } : {}),
  rating: ratingSummary(p),
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES, nextPhase, providerActions, statusOf, productRules, type Phase, type ProductAction } from '../../lib/products/model';

const ACTIONS = Object.keys(productRules) as ProductAction[];
const key = (p: Phase | undefined) => (p ? `${p.listing}/${p.review}` : '—');

// The expected machine written out by hand, independent of the rule table: phase → action → next phase.
const expected: Record<string, Partial<Record<ProductAction, string>>> = {
  'unlisted/draft': { edit: 'unlisted/draft', submit: 'unlisted/in_review' },
  'unlisted/in_review': { withdraw: 'unlisted/draft', approve: 'listed/none', reject: 'unlisted/rejected' },
  'unlisted/rejected': { edit: 'unlisted/draft', submit: 'unlisted/in_review' },
  'listed/none': { edit: 'listed/draft', delist: 'delisted/none' , takedown: 'delisted/rejected' },
  'listed/draft': { edit: 'listed/draft', submit: 'listed/in_review', delist: 'delisted/draft' , takedown: 'delisted/rejected' },
  'listed/in_review': { withdraw: 'listed/draft', approve: 'listed/none', reject: 'listed/rejected', delist: 'delisted/draft', takedown: 'delisted/rejected' },
  'listed/rejected': { edit: 'listed/draft', submit: 'listed/in_review', delist: 'delisted/rejected' , takedown: 'delisted/rejected' },
  'delisted/none': { edit: 'delisted/draft', submit: 'delisted/in_review' },
  'delisted/draft': { edit: 'delisted/draft', submit: 'delisted/in_review' },
  'delisted/in_review': { withdraw: 'delisted/draft', approve: 'listed/none', reject: 'delisted/rejected' },
  'delisted/rejected': { edit: 'delisted/draft', submit: 'delisted/in_review' },
};

describe('product state machine', () => {
  it('knows exactly the eleven reachable phases', () => {
    expect(PHASES.map(key).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const phase of PHASES) {
    for (const action of ACTIONS) {
      const want = expected[key(phase)][action];
      it(`${want ? 'allows' : 'refuses'} ${action} from ${key(phase)} (status ${statusOf(phase)})`, () => {
        expect(key(nextPhase(phase, action))).toBe(want ?? '—');
      });
    }
  }

  it('derives the spec statuses', () => {
    expect(statusOf({ listing: 'unlisted', review: 'draft' })).toBe('draft');
    expect(statusOf({ listing: 'unlisted', review: 'in_review' })).toBe('in_review');
    expect(statusOf({ listing: 'unlisted', review: 'rejected' })).toBe('rejected');
    expect(statusOf({ listing: 'listed', review: 'in_review' })).toBe('listed');
    expect(statusOf({ listing: 'delisted', review: 'none' })).toBe('delisted');
    expect(statusOf({ listing: 'delisted', review: 'in_review' })).toBe('in_review');
  });

  it('lists for the provider exactly the commands the rules allow from each phase', () => {
    for (const phase of PHASES) {
      const want = (['edit', 'submit', 'withdraw', 'delist'] as const).filter((a) => expected[key(phase)][a]);
      expect(providerActions(phase)).toEqual([...want, ...(phase.listing === 'unlisted' ? ['delete'] : [])]);
    }
  });

  it('gives operators only review decisions and the platform takedown, and providers everything else', () => {
    expect(ACTIONS.filter((a) => productRules[a].role === 'operator').sort()).toEqual(['approve', 'reject', 'takedown']);
  });

  it('keeps every invariant over any sequence of attempted actions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 60 }), (actions) => {
        let phase: Phase = { listing: 'unlisted', review: 'draft' };
        let approvals = 0;
        for (const action of actions) {
          const next = nextPhase(phase, action);
          if (!next) continue;
          if (action === 'approve') approvals++;
          // a listed or delisted product was approved at least once; a never-approved one is never listed
          if (next.listing !== 'unlisted') expect(approvals).toBeGreaterThan(0);
          // nothing in review can be edited by its provider; delisting takes it out of review (no approval relists it)
          if (phase.review === 'in_review') expect(['withdraw', 'approve', 'reject', 'delist', 'takedown']).toContain(action);
          if (action === 'delist') expect(next.review).not.toBe('in_review');
          // a takedown always leaves the product hidden and out of review
          if (action === 'takedown') expect(key(next)).toBe('delisted/rejected');
          // only an approval makes a product visible to buyers
          if (next.listing === 'listed' && phase.listing !== 'listed') expect(action).toBe('approve');
          expect(PHASES.map(key)).toContain(key(next));
          phase = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Calls to providers' systems in one chain per provider, all chains at once: one provider's slow or hanging
 * endpoint delays only its own chain, never another provider's calls. A chain goes in the given order and
 * stops at the first step that answers `false` (what is left is the caller's to send later, still in order)
 * or throws (counted in `errors`).
 */
export const inChainsPerProvider = async <T>(
  items: T[],
  providerOf: (item: T) => string,
  step: (item: T) => Promise<boolean>,
): Promise<{ sent: number; left: number; errors: number }> => {
  const chains = new Map<string, T[]>();
  for (const item of items) chains.set(providerOf(item), [...(chains.get(providerOf(item)) ?? []), item]);
  const outcomes = await Promise.all(
    [...chains.values()].map(async (chain) => {
      let sent = 0;
      try {
        for (const item of chain) {
          if (!(await step(item))) break;
          sent++;
        }
        return { sent, left: chain.length - sent, errors: 0 };
      } catch {
        return { sent, left: chain.length - sent, errors: 1 };
      }
    }),
  );
  return outcomes.reduce((t, o) => ({ sent: t.sent + o.sent, left: t.left + o.left, errors: t.errors + o.errors }), { sent: 0, left: 0, errors: 0 });
};

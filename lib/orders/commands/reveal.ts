import { defineCommand } from './command';

export interface RevealInput {
  action: 'reveal';
}

/**
 * 查看兑换码: the buyer of a code order reveals its codes; the timeline records when, and the order is complete.
 * The codes themselves are opened by the function for the answer and are never part of the order or its entry.
 */
export const reveal = defineCommand<RevealInput>({
  action: 'reveal',
  roles: ['buyer'],
  from: ['delivered'],
  to: 'completed',
  turn: false,
  event: 'order.status_changed',
  apply: (_o, _input, { at }) => ({ revealedAt: at, completedAt: at }),
  entry: () => ({}),
});

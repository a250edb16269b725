import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER_COMMANDS, orderCommands } from '../../lib/orders/commands';
import { ORDER_ACTIONS } from '../../lib/orders/schemas';

const FUNCTIONS = join(__dirname, '../../functions/orders');
const handlers = readdirSync(FUNCTIONS).map((f) => readFileSync(join(FUNCTIONS, f), 'utf8'));

describe('the order command registry', () => {
  it('lists every action of the timeline but the purchase', () => {
    expect([...ORDER_COMMANDS].sort()).toEqual(ORDER_ACTIONS.filter((a) => a !== 'create').sort());
  });

  it('gives each person’s command exactly one function, a line calling orderCommandRoute', () => {
    for (const action of ORDER_COMMANDS.filter((a) => !orderCommands[a].roles.includes('system'))) {
      expect(handlers.filter((h) => h.includes(`orderCommandRoute('${action}'`)), action).toHaveLength(1);
    }
  });

  it('publishes every command that can move the status as order.status_changed', () => {
    for (const action of ORDER_COMMANDS) {
      const { to, event } = orderCommands[action];
      expect(event === 'order.status_changed', action).toBe(to !== null);
    }
  });

  it('takes a body exactly where the command has input beyond its name', () => {
    for (const action of ORDER_COMMANDS.filter((a) => !orderCommands[a].roles.includes('system'))) {
      const withInput = !['start', 'urge', 'confirm', 'reveal'].includes(action);
      expect(orderCommands[action].body !== undefined, action).toBe(withInput);
    }
  });
});

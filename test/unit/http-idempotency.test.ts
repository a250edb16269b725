import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { User } from '../../lib/http/auth';
import { ConflictError } from '../../lib/http/errors';
import { authentication } from '../../lib/http/middleware/auth';
import { jsonBody } from '../../lib/http/middleware/body';
import { idempotency, type AnswerStore, type IdempotentCall } from '../../lib/http/middleware/idempotency';
import type { Reply, RequestState } from '../../lib/http/middleware/state';
import { apiEvent, stackOf } from '../support/api-event';
import { msg } from '../../lib/i18n';

const noteBody = z.strictObject({ note: z.string() });

const buyer: User = { id: 'u-buyer', roles: ['buyer'] };
const signedIn = authentication('signed-in', async () => buyer);

/** Answers kept in memory by user, route and key; another body under a used key is refused. */
const memoryStore = () => {
  const answers = new Map<string, { body: string; reply: Reply }>();
  type Scope = { id: string; body: string };
  const store: AnswerStore<Scope> = {
    scopeOf: (call: IdempotentCall, route) => ({ id: `${call.user.id}/${route}/${call.idempotencyKey}`, body: JSON.stringify(call.body ?? null) }),
    replay: vi.fn(async (scope: Scope) => {
      const found = answers.get(scope.id);
      if (!found) return undefined;
      if (found.body !== scope.body) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', msg('detail.idempotencyKeyReused'));
      return { reply: { ...found.reply, headers: { 'idempotent-replayed': 'true' } } };
    }),
    record: vi.fn(async (scope: Scope, reply: Reply) => void answers.set(scope.id, { body: scope.body, reply })),
  };
  return store;
};

/** A command that answers `status` with a new number each time it runs. */
const command = (status = 200) => {
  let runs = 0;
  const action = vi.fn(async (state: RequestState) => state.replay ?? { status, body: { run: ++runs } });
  return action;
};

const call = (key: string | undefined, body: unknown = { note: 'a' }) =>
  apiEvent({ method: 'POST', path: '/provider/products/x/submit', body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });

describe('the idempotency middleware', () => {
  it('refuses a malformed Idempotency-Key on any route (400 naming the header)', async () => {
    const run = stackOf([jsonBody(), idempotency(undefined, memoryStore())]);
    for (const key of ['', 'has space', 'x'.repeat(101), 'ключ']) {
      const err = await run(call(key)).catch((e) => e);
      expect(err.status, key).toBe(400);
      expect(new Set(err.errors.map((e: { path: string }) => e.path)), key).toEqual(new Set(['Idempotency-Key']));
    }
  });

  it('hands the key to the action without recording anything on a route that records its own', async () => {
    const store = memoryStore();
    const { body: state } = await stackOf([signedIn, jsonBody(), idempotency(undefined, store)])(call('k-1'));
    expect(state.idempotencyKey).toBe('k-1');
    expect(store.replay).not.toHaveBeenCalled();
    expect(store.record).not.toHaveBeenCalled();
  });

  it('replays the first answer to a repeated key in place of the action', async () => {
    const store = memoryStore();
    const action = command();
    const run = stackOf([signedIn, jsonBody(), idempotency('submit-product', store)], action);
    const first = await run(call('k-2'));
    const again = await run(call('k-2'));
    expect(first).toEqual({ status: 200, body: { run: 1 } });
    expect(again).toEqual({ status: 200, body: { run: 1 }, headers: { 'idempotent-replayed': 'true' } });
    expect(store.record).toHaveBeenCalledTimes(1);
    expect((await run(call('k-3'))).body).toEqual({ run: 2 });
  });

  it('refuses the same key with another body (409) without running the action', async () => {
    const action = command();
    // the parsed body is what a key is bound to
    const run = stackOf([signedIn, jsonBody(noteBody), idempotency('submit-product', memoryStore())], action);
    await run(call('k-4', { note: 'a' }));
    await expect(run(call('k-4', { note: 'b' }))).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('records only accepted answers, and nothing without a key or a signed-in user', async () => {
    const store = memoryStore();
    await stackOf([signedIn, jsonBody(), idempotency('submit-product', store)], command(409))(call('k-5'));
    await stackOf([signedIn, jsonBody(), idempotency('submit-product', store)], command())(call(undefined));
    await stackOf([jsonBody(), idempotency('submit-product', store)], command())(call('k-6'));
    expect(store.record).not.toHaveBeenCalled();
  });
});

describe('what a replay record keeps', () => {
  const big = { status: 200, body: { text: '运'.repeat(20_000) } };

  it('keeps a small body, and only the status and what to read for a large one or an order’s', async () => {
    const { keptOf, REPLAY_BODY_LIMIT } = await import('../../lib/shared/idempotency');
    expect(keptOf({ status: 201, body: { id: 'a' } })).toEqual({ reply: { status: 201, body: { id: 'a' } } });
    expect(keptOf({ status: 204 })).toEqual({ reply: { status: 204 } });
    expect(Buffer.byteLength(JSON.stringify(big.body))).toBeGreaterThan(REPLAY_BODY_LIMIT);
    expect(keptOf(big, { ref: 'p-1' })).toEqual({ reply: { status: 200 }, rebuild: true, ref: 'p-1' });
    expect(keptOf({ status: 200, body: { small: true } }, { always: true, version: 7 })).toEqual({ reply: { status: 200 }, rebuild: true, version: 7 });
    // neither keepable nor readable again: not recorded (the command's own condition refuses a second application)
    expect(keptOf(big)).toBeUndefined();
  });
});

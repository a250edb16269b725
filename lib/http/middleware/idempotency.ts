import { z } from 'zod';
import { parseOrThrow } from '../validation';
import { stateOf, type HttpMiddleware, type Reply } from './state';

const IDEMPOTENCY_KEY = z.string().min(1).max(100).regex(/^[\x21-\x7e]+$/);

/** What a command is to its idempotency record: who sent which key with which parsed request. */
export interface IdempotentCall {
  user: { id: string };
  idempotencyKey: string;
  body: unknown;
  params: unknown;
}

/** A recorded answer: as kept, or (`rebuild`) only its status, the answer being read again by the route. */
export interface Recorded {
  reply: Reply;
  rebuild?: unknown;
}

/** Where answers are recorded (`lib/shared/idempotency`'s records in the table). */
export interface AnswerStore<Scope> {
  scopeOf(call: IdempotentCall, route: string): Scope | undefined;
  /** The answer recorded for this scope, if any; a key reused with another request is refused (409). */
  replay(scope: Scope, now: Date): Promise<Recorded | undefined>;
  /** Records an answer; `rebuildable`: the route can read it again, so a large body need not be kept. */
  record(scope: Scope, reply: Reply, now: Date, rebuildable: boolean): Promise<void>;
}

/**
 * The `Idempotency-Key` header, checked on every route that receives it (400 when malformed) and handed to
 * the action. For a command named `route` whose change cannot carry its record in the same write, a repeated
 * key replays the recorded answer in place of the action's (`state.replay`; with `state.rebuild` the route
 * reads the answer again), and a successful answer is recorded. (Creation and order commands record the
 * answer in their own transaction instead, from the key in the request.)
 */
export const idempotency = <Scope>(route: string | undefined, store: AnswerStore<Scope>, rebuildable = false): HttpMiddleware => {
  const scopes = new WeakMap<object, Scope>();
  return {
    before: async (request) => {
      const state = stateOf(request.event);
      const key = state.headers['idempotency-key'];
      if (key === undefined) return;
      parseOrThrow(IDEMPOTENCY_KEY, key, 'Idempotency-Key', state.lang);
      state.idempotencyKey = key;
      if (!route || !state.user) return;
      const scope = store.scopeOf({ user: state.user, idempotencyKey: key, body: state.body, params: state.params }, route);
      if (scope === undefined) return;
      scopes.set(state, scope);
      const recorded = await store.replay(scope, state.now);
      if (!recorded) return;
      state.replay = recorded.reply;
      state.rebuild = recorded.rebuild !== undefined;
    },
    after: async (request) => {
      const state = stateOf(request.event);
      const scope = scopes.get(state);
      const reply = request.response;
      if (scope === undefined || state.replay || !reply || reply.status >= 300) return;
      await store.record(scope, reply, state.now, rebuildable);
    },
  };
};

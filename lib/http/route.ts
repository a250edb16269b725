import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../observability/logger';
import { findRecord, idempotencyOf, keptOf, rebuilt, recordReply, replay, type IdempotencyRequest } from '../shared/idempotency';
import { authenticate, type User } from './auth';
import { authentication, type Access } from './middleware/auth';
import type { MemberRole } from '../providers/roles';
import { jsonBody } from './middleware/body';
import { requestContext } from './middleware/context';
import { idempotency, type AnswerStore } from './middleware/idempotency';
import { outcome } from './middleware/outcome';
import { problemAnswers } from './middleware/problem';
import { response } from './middleware/response';
import { stateOf, type Reply } from './middleware/state';
import { validation } from './middleware/validation';

export type { Reply } from './middleware/state';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface RouteOptions<B, Q, P, A extends Access> {
  access: A;
  /**
   * The member roles that may call a provider route (`rolesFor('products')`, lib/providers/roles.ts; the
   * administrator always may); absent: every member of the acting organisation. Else 403 MEMBER_ROLE_FORBIDDEN.
   */
  memberRoles?: readonly MemberRole[];
  /** Whether the route acts for one organisation (`Provider-Id`); by default routes open to providers alone. */
  actingOrganisation?: boolean;
  /** Whether the caller's memberships are read (by default on routes open to providers; operators' decisions say true). */
  readsMemberships?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * A command whose change cannot carry its idempotency record in the same write: the route replays a
   * recorded answer for a repeated `Idempotency-Key` and records successful answers, under this name.
   * (Creation and order commands record the answer in their own transaction instead.) Every command has
   * one, so that a client that saw a timeout retries it safely (docs/decisions.md, "Replay records").
   */
  idempotent?: string;
  /**
   * Reads the answer of an `idempotent` command again (the resource as it is now), for a replay whose
   * answer was too large to keep (REPLAY_BODY_LIMIT); a command whose answer can be large gives one.
   */
  reread?: (req: Request<Out<B>, Out<Q>, Out<P>, A extends 'public' ? undefined : User>) => Promise<Reply>;
}

export interface Request<B, Q, P, U> {
  body: B;
  /** The JSON body as sent, before validation (what an idempotency key is bound to). */
  rawBody: unknown;
  query: Q;
  params: P;
  user: U;
  headers: Record<string, string>;
  idempotencyKey?: string;
  requestId: string;
  /** The request time, read once so that every rule of a request sees the same clock. */
  now: Date;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

/** Answers recorded in the table, one item per user, command and key. */
const recordedAnswers: AnswerStore<IdempotencyRequest> = {
  scopeOf: idempotencyOf,
  replay: async (scope, now) => replay(await findRecord(scope), scope, now),
  record: (scope, reply, now, rebuildable) => recordReply(scope, keptOf(reply, rebuildable ? {} : undefined), now),
};

/**
 * The one middy stack of every HTTP function, in order: the request's context (ids on every log line),
 * the answer serialized (never stored by a cache unless the route is public), logged and counted, every error as problem+json, then the caller (token and role),
 * the path and query, the body, the Idempotency-Key; last the action, or a recorded answer in its place.
 */
export const route = <
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  const A extends Access = Access,
>(
  options: RouteOptions<B, Q, P, A>,
  action: (req: Request<Out<B>, Out<Q>, Out<P>, A extends 'public' ? undefined : User>) => Promise<Reply>,
) => {
  const answer = async (event: APIGatewayProxyEventV2): Promise<Reply> => {
    const s = stateOf(event);
    const { body, rawBody, query, params, user, headers, idempotencyKey, requestId, now } = s;
    const req = { body, rawBody, query, params, user, headers, idempotencyKey, requestId, now } as never;
    if (s.replay) return s.rebuild && options.reread ? rebuilt(s.replay, await options.reread(req)) : s.replay;
    return action(req);
  };
  const handler = middy<APIGatewayProxyEventV2, Reply>(answer)
    // the event carries the bearer token: never logged, whatever POWERTOOLS_LOGGER_LOG_EVENT says
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(requestContext())
    .use(response(options.access === 'public' ? 'public' : 'private'))
    .use(outcome())
    .use(problemAnswers())
    .use(authentication(options.access, authenticate, { memberRoles: options.memberRoles, acting: options.actingOrganisation, memberships: options.readsMemberships }))
    .use(validation({ params: options.params, query: options.query }))
    .use(jsonBody(options.body))
    .use(idempotency(options.idempotent, recordedAnswers, options.reread !== undefined));
  // what leaves the stack is API Gateway's result (see `response`)
  return handler as unknown as middy.MiddyfiedHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;
};

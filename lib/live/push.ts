import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import type { DomainEvent } from '../events/contracts';
import { subjectOf } from '../notifications/fanout';
import { logger } from '../observability/logger';
import { audienceOf, type Notice, type Telling } from './audience';
import { connectionsOf, forgetConnection, markPushed, unmarkPushed, type OpenConnection } from './connections';

let client: ApiGatewayManagementApiClient | undefined;
/**
 * The WebSocket API's management endpoint (PostToConnection), from WEBSOCKET_ENDPOINT at first use:
 * deployed `https://<api>.execute-api.<region>.amazonaws.com/<stage>`, locally serverless-offline's WebSocket port.
 */
const management = () => {
  const endpoint = process.env.WEBSOCKET_ENDPOINT;
  if (!endpoint) throw new Error('Invalid configuration: WEBSOCKET_ENDPOINT is not set');
  client ??= new ApiGatewayManagementApiClient({
    region: config.region,
    endpoint,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
    ...(endpoint.startsWith('http://') ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return client;
};

/** How long an inbox notice waits for the inbox consumer to record its notification (the two run side by side). */
const inboxWaitMs = () => Number(process.env.LIVE_INBOX_WAIT_MS ?? 2_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits, a bounded time, until the inbox consumer has recorded a notification, so that the console that
 * refetches its unread count finds it counted. Past the wait the notice goes anyway: a slow or failing inbox
 * consumer never holds the live console back for longer.
 */
const recorded = async (recipientId: string, notificationId: string) => {
  const deadline = Date.now() + inboxWaitMs();
  for (;;) {
    const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.notification(recipientId, notificationId), ConsistentRead: true, ProjectionExpression: 'PK' }));
    if (out.Item || Date.now() >= deadline) return;
    await sleep(100);
  }
};

const isGone = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'GoneException' || e.$metadata?.httpStatusCode === 410;
};

export interface PushOutcome {
  /** connections told (one or more notices each) */
  told: number;
  /** connections API Gateway answered gone for: removed */
  gone: number;
  /** connections already told of this event (a redelivery) */
  repeated: number;
}

/**
 * Posts the notices to one connection, once per event: the mark is written first (a redelivery finds it). An
 * inbox notice goes last, once its notification is recorded (`inboxReady`), so it never holds the others back.
 */
const tell = async (event: DomainEvent, connection: OpenConnection, notices: Notice[], inboxReady: () => Promise<void>, now: Date, outcome: PushOutcome) => {
  if (!(await markPushed(event.id, connection.connectionId, now))) {
    outcome.repeated += 1;
    return;
  }
  try {
    for (const notice of [...notices].sort((a, b) => Number(a.type === 'inbox') - Number(b.type === 'inbox'))) {
      if (notice.type === 'inbox') await inboxReady();
      await management().send(new PostToConnectionCommand({ ConnectionId: connection.connectionId, Data: Buffer.from(JSON.stringify(notice)) }));
    }
    outcome.told += 1;
  } catch (err) {
    if (isGone(err)) {
      await forgetConnection(connection);
      outcome.gone += 1;
      return;
    }
    // throttled or unreachable: take the mark back so that the bus's retry tells this connection
    await unmarkPushed(event.id, connection.connectionId);
    throw err;
  }
};

/**
 * The live console's consumer: for one domain event, the open connections of every person who may see the
 * change (lib/live/audience.ts) are told `{ type, id, version }`. Fan-out costs one Query per recipient
 * and one mark and one post per connection of theirs, whatever the number of connected consoles.
 */
export const pushEvent = async (event: DomainEvent, now = new Date()): Promise<PushOutcome> => {
  const tellings = await audienceOf(event, await subjectOf(event));
  const byUser = new Map<string, Telling[]>();
  for (const t of tellings) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t]);
  const outcome: PushOutcome = { told: 0, gone: 0, repeated: 0 };
  await Promise.all(
    [...byUser].map(async ([userId, theirs]) => {
      const connections = await connectionsOf(userId, now);
      if (!connections.length) return;
      const inbox = theirs.find((t) => t.notificationId);
      // one wait per person, whichever of their connections asks first (a notice to the operators is
      // recorded once, in their shared inbox)
      let waiting: Promise<void> | undefined;
      const inboxReady = () => (waiting ??= inbox ? recorded(inbox.inbox ?? userId, inbox.notificationId!) : Promise.resolve());
      await Promise.all(
        connections.map((c) => {
          // the HTTP API's rule, against the roles of the token the connection opened with
          const notices = theirs.filter((t) => t.may({ id: c.userId, roles: c.roles })).map((t) => t.notice);
          return notices.length ? tell(event, c, notices, inboxReady, now, outcome) : undefined;
        }),
      );
    }),
  );
  logger.debug('live', { id: event.id, type: event.type, recipients: byUser.size, ...outcome });
  return outcome;
};

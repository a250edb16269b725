import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A provider's SaaS endpoint written from the published SaaS 接入 protocol alone (README, "SaaS 接入"), as a
 * provider would write it: it imports nothing of the platform. It checks each call's signature (lowercase hex
 * SHA-256 of token, timestamp and eventId sorted and concatenated) and that the timestamp is recent, answers
 * `verifyInterface` with the `echoback`, `createInstance` with a signId and login information, and the other
 * actions with `{ success: true }`. It is idempotent on eventId: a call seen before gets the same answer.
 * `npm start` runs one for the demo organisation; tests start their own.
 */
export interface SaasCallSeen {
  action: string;
  eventId: string;
  timestamp: string;
  signature: string;
  body: Record<string, unknown>;
  /** What it answered (status), after its own checks. */
  answered: number;
  at: number;
}

export interface SaasEndpointOptions {
  token: string;
  host?: string;
  port?: number;
  /** How old a timestamp may be, either way (seconds). */
  maxSkewSeconds?: number;
  /** The URL path it serves. */
  path?: string;
}

const sign = (token: string, timestamp: string, eventId: string) => createHash('sha256').update([token, timestamp, eventId].sort().join('')).digest('hex');

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

export const startSaasEndpoint = async (options: SaasEndpointOptions) => {
  const path = options.path ?? '/saas';
  const maxSkew = options.maxSkewSeconds ?? 300;
  const seen: SaasCallSeen[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  /** Behaviour for the next calls of an action: `fail` answers 500, `hang` never answers, `pending` answers signId "0", `wrongEcho` a wrong echo. */
  const plans = new Map<string, Array<'fail' | 'hang' | 'pending' | 'wrongEcho' | 'ok'>>();
  const held: ServerResponse[] = [];
  let token = options.token;

  const answer = (action: string, eventId: string, body: Record<string, unknown>): { status: number; body: unknown } | 'hang' => {
    const plan = plans.get(action)?.shift() ?? 'ok';
    if (plan === 'hang') return 'hang';
    if (plan === 'fail') return { status: 500, body: { error: 'the instance service is unavailable' } };
    switch (action) {
      case 'verifyInterface':
        return { status: 200, body: { echoback: plan === 'wrongEcho' ? 'not-the-echo' : body.echoback } };
      case 'createInstance': {
        if (plan === 'pending') return { status: 200, body: { signId: '0' } };
        const signId = `sign-${createHash('sha256').update(String(body.orderId ?? eventId)).digest('hex').slice(0, 16)}`;
        return {
          status: 200,
          body: {
            signId,
            appInfo: { website: `https://app.example.com/${signId}`, authUrl: `https://app.example.com/login?ticket=${randomBytes(8).toString('hex')}` },
            additionalInfo: [{ name: '管理员账号', value: String(body.accountId ?? 'admin') }],
          },
        };
      }
      case 'renewInstance':
      case 'modifyInstance':
      case 'expireInstance':
      case 'destroyInstance':
        return { status: 200, body: { success: true } };
      default:
        return { status: 400, body: { error: `unknown action ${action}` } };
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://endpoint');
    if (req.method !== 'POST' || url.pathname !== path) return json(res, 404, { error: 'not found' });
    const signature = url.searchParams.get('signature') ?? '';
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const eventId = url.searchParams.get('eventId') ?? '';
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      /* refused below */
    }
    const action = typeof body.action === 'string' ? body.action : '';
    const record = (answered: number) => seen.push({ action, eventId, timestamp, signature, body, answered, at: Date.now() });
    if (!signature || !/^\d+$/.test(timestamp) || !eventId) {
      record(401);
      return json(res, 401, { error: 'signature, timestamp and eventId are required' });
    }
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > maxSkew) {
      record(401);
      return json(res, 401, { error: 'stale timestamp' });
    }
    if (sign(token, timestamp, eventId) !== signature) {
      record(401);
      return json(res, 401, { error: 'bad signature' });
    }
    if (!action) {
      record(400);
      return json(res, 400, { error: 'no action' });
    }
    // idempotent per eventId: a retry gets the answer the call got (unless it failed, or was "not yet")
    const before = answers.get(eventId);
    const reply = before ?? answer(action, eventId, body);
    if (reply === 'hang') {
      record(0);
      held.push(res);
      return;
    }
    const pendingAgain = action === 'createInstance' && (reply.body as { signId?: string }).signId === '0';
    if (reply.status === 200 && !pendingAgain && action !== 'verifyInterface') answers.set(eventId, reply);
    record(reply.status);
    json(res, reply.status, reply.body);
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${path}`,
    port,
    seen,
    /** The next calls of `action` behave so, in order; then normally. */
    plan: (action: string, ...behaviours: Array<'fail' | 'hang' | 'pending' | 'wrongEcho' | 'ok'>) => {
      plans.set(action, behaviours);
    },
    /** The provider changes its token (the platform must be given the new one). */
    setToken: (t: string) => {
      token = t;
    },
    reset: () => {
      seen.length = 0;
      plans.clear();
      answers.clear();
    },
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type SaasEndpoint = Awaited<ReturnType<typeof startSaasEndpoint>>;

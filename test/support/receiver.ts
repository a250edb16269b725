import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

/**
 * A real webhook receiver on loopback that answers each request with the next planned status, or, when
 * hanging, never answers (until closed).
 */
export const startReceiver = async () => {
  const received: Received[] = [];
  let plan: number[] = [];
  let hang = false;
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (hang) {
        received.push({ headers: req.headers, body, answered: 0, at: Date.now() });
        return void held.push(res);
      }
      const answered = plan.shift() ?? 200;
      received.push({ headers: req.headers, body, answered, at: Date.now() });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/marketplace`,
    received,
    /** The statuses the next requests get, in order; 200 after the plan runs out. */
    answer: (...statuses: number[]) => {
      plan = statuses;
    },
    /** From now on, hold every request without answering. */
    hang: () => {
      hang = true;
    },
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

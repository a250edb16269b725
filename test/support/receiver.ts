import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real webhook receiver on loopback that answers each request with the next planned status. */
export const startReceiver = async () => {
  const received: Received[] = [];
  let plan: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const answered = plan.shift() ?? 200;
      received.push({ headers: req.headers, body, answered });
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';

export type IssuerMode = 'up' | 'hang' | 'error' | 'garbage';

/**
 * A real key set endpoint on loopback in front of cognito-local's: it serves the real keys ('up'), never
 * answers ('hang'), answers 500 ('error') or HTML ('garbage'), and counts the requests it gets.
 */
export const startIssuer = async (opts: { delayMs?: number } = {}) => {
  let mode: IssuerMode = 'up';
  let requests = 0;
  const hanging: ServerResponse[] = [];
  const server = createServer(async (_req, res) => {
    requests++;
    if (mode === 'hang') return void hanging.push(res);
    if (mode === 'error') return void res.writeHead(500).end('down');
    if (mode === 'garbage') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    const keys = await (await fetch(`${inject('stack').issuer}/.well-known/jwks.json`)).text();
    res.writeHead(200, { 'content-type': 'application/json' }).end(keys);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUri: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    requests: () => requests,
    set: (m: IssuerMode) => {
      mode = m;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A loopback port with nothing listening: an issuer that is down. */
export const closedPort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBridgeEvent } from 'aws-lambda';

/**
 * A local stand-in for EventBridge, for the tests (never deployed): it answers PutEvents as the service does
 * and hands each entry to `deliver`, which invokes the functions whose rule (serverless.yml `eventBridge`
 * pattern) matches, as EventBridge invokes them: one event per invocation.
 */

export interface BusEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: string | number;
}

export interface RulePattern {
  source?: string[];
  'detail-type'?: string[];
}

/** Whether an entry matches a rule's pattern (the subset of EventBridge patterns the rules use: exact values). */
export const matches = (pattern: RulePattern, entry: BusEntry) =>
  (!pattern.source || pattern.source.includes(entry.Source ?? '')) &&
  (!pattern['detail-type'] || pattern['detail-type'].includes(entry.DetailType ?? ''));

/** What a function receives for one entry, as EventBridge sends it. */
export const invocationOf = (entry: BusEntry, id = randomUUID()): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id,
  'detail-type': entry.DetailType ?? '',
  source: entry.Source ?? '',
  account: '000000000000',
  time: entry.Time === undefined ? new Date().toISOString() : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time).toISOString(),
  region: 'us-east-1',
  resources: [],
  detail: JSON.parse(entry.Detail ?? '{}'),
});

/** The PutEvents endpoint: answers every entry taken and passes them to `deliver` (not awaited). */
export const startLocalBus = async (deliver: (entries: BusEntry[]) => void, port = 0): Promise<{ endpoint: string; close: () => Promise<void> }> => {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.endsWith('.PutEvents')) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `${target} is not served here` }));
        return;
      }
      const entries = ((JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Entries?: BusEntry[] }).Entries ?? []);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: randomUUID() })) }));
      deliver(entries);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

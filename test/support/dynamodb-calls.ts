import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { readFunctions } from '../../scripts/lib/infra';

/**
 * Which IAM actions each deployed function needs on the table, recorded from what its code actually sends while
 * the tests invoke it. Every invocation through `invoke` (test/support/http.ts) or `asFunction` is attributed to
 * its handler; a test file fails when a function sent a call that `dynamodb-calls.json` does not list, and the
 * template test checks that each function's role grants exactly the listed actions.
 * `npm run iam:record` rewrites the file from a run of the integration tests.
 */
export const CALLS_FILE = join(__dirname, 'dynamodb-calls.json');
export const RECORD_DIR = join(__dirname, '..', '..', '.iam-record');

type Handler = (...args: any[]) => unknown;
const current = new AsyncLocalStorage<Handler>();
/** handler → IAM action → targets (`table` or `index/<name>`) */
const seen = new Map<Handler, Map<string, Set<string>>>();

/** Runs `fn` as an invocation of `handler`: its DynamoDB calls are the function's. */
export const asFunction = <T>(handler: Handler, fn: () => T): T => current.run(handler, fn);

const ITEM_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' };

/** The IAM actions a DynamoDB API call needs (a transaction needs the action of each item it holds). */
export const iamActionsOf = (command: string, input: any): Array<[string, string]> => {
  const api = command.replace(/Command$/, '');
  const target = input?.IndexName ? `index/${input.IndexName}` : 'table';
  if (api === 'TransactWriteItems' || api === 'TransactGetItems') {
    return (input.TransactItems as Array<Record<string, unknown>>).flatMap((item) =>
      Object.keys(item).map((k) => [`dynamodb:${ITEM_ACTIONS[k] ?? k}`, 'table'] as [string, string]),
    );
  }
  return [[`dynamodb:${api}`, target]];
};

// Registered once the test file is loaded, not at setup: the client reads its configuration at module load,
// and files on a table of their own set TABLE_NAME (vi.hoisted) before their imports, after the setup files.
beforeAll(async () => {
  const { ddb } = await import('../../lib/db/client');
  if (ddb.middlewareStack.identify().some((m) => m.startsWith('recordIamActions'))) return;
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const handler = current.getStore();
      if (handler) {
        const actions = seen.get(handler) ?? new Map<string, Set<string>>();
        seen.set(handler, actions);
        for (const [action, target] of iamActionsOf(context.commandName ?? '', (args as { input: unknown }).input)) {
          actions.set(action, (actions.get(action) ?? new Set()).add(target));
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordIamActions' },
  );
});

export type CallsFile = Record<string, Record<string, string[]>>;

const byFunctionName = async (): Promise<CallsFile> => {
  if (seen.size === 0) return {};
  const out: CallsFile = {};
  for (const fn of readFunctions()) {
    const module = await import(join(__dirname, '..', '..', fn.handlerFile));
    const actions = seen.get(module[fn.exportName]);
    if (!actions) continue;
    out[fn.name] = Object.fromEntries([...actions].map(([a, targets]) => [a, [...targets].sort()]));
  }
  return out;
};

afterAll(async () => {
  const recorded = await byFunctionName();
  if (process.env.RECORD_IAM === '1') {
    mkdirSync(RECORD_DIR, { recursive: true });
    writeFileSync(join(RECORD_DIR, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(recorded));
    return;
  }
  const allowed: CallsFile = existsSync(CALLS_FILE) ? JSON.parse(readFileSync(CALLS_FILE, 'utf8')) : {};
  const missing = Object.entries(recorded).flatMap(([fn, actions]) =>
    Object.entries(actions).flatMap(([action, targets]) =>
      targets.filter((t) => !allowed[fn]?.[action]?.includes(t)).map((t) => `${fn}: ${action} on ${t}`),
    ),
  );
  expect(missing, 'DynamoDB calls not in test/support/dynamodb-calls.json (run `npm run iam:record`, then grant them in serverless.yml)').toEqual([]);
});

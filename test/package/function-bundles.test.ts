import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each function's bundle as `osls package` builds it (esbuild.config.cjs's options and plugins), read from
// esbuild's metafile: which files went in. Only the HTTP functions may carry the HTTP stack.
const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../esbuild.config.cjs');

/** What only an HTTP function needs: the token verifier, middy, and this project's HTTP stack around them. */
const HTTP_ONLY = [/node_modules\/aws-jwt-verify\//, /node_modules\/@middy\//, /^lib\/http\/(route|auth)\.ts$/, /^lib\/http\/middleware\//];

// serverless.yml's CloudFormation short forms, read as opaque values
const cfnTags = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'Condition', 'ImportValue', 'FindInMap', 'Base64'].flatMap((name) =>
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new yaml.Type(`!${name}`, { kind, construct: (data) => ({ [name]: data }) })),
);
type Fn = { handler: string; events?: Array<Record<string, unknown>> };
const functions = Object.entries(
  (yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { schema: yaml.DEFAULT_SCHEMA.extend(cfnTags) }) as { functions: Record<string, Fn> }).functions,
).map(([name, f]) => ({
  name,
  entry: `${f.handler.slice(0, f.handler.lastIndexOf('.'))}.ts`,
  // the WebSocket API's `$connect` verifies the person's token as the HTTP functions do
  http: (f.events ?? []).some((e) => 'httpApi' in e || 'http' in e || (e.websocket as { route?: string } | undefined)?.route === '$connect'),
}));
const nonHttp = functions.filter((f) => !f.http);

const inputsOf = async (entry: string) => {
  const result = await esbuild.build({
    ...config.esbuildOptions,
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    outdir: join(ROOT, '.esbuild', 'metafile-check'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [config.zodEnglishOnly, config.lambdaCredentials],
  });
  return Object.keys(result.metafile?.inputs ?? {});
};

const httpOnlyIn = (inputs: string[]) => inputs.filter((input) => HTTP_ONLY.some((re) => re.test(input)));

let bundles: Map<string, string[]>;
beforeAll(async () => {
  const control = functions.find((f) => f.http && f.name === 'submitProduct') ?? functions.find((f) => f.http)!;
  const built = await Promise.all([...nonHttp, control].map(async (f) => [f.name, await inputsOf(f.entry)] as const));
  bundles = new Map(built);
}, 180_000);
afterAll(() => esbuild.stop());

describe('the bundles of the functions without HTTP events', () => {
  it('are found in serverless.yml: the stream router, the event consumers and both jobs at least', () => {
    expect(nonHttp.map((f) => f.entry)).toEqual(
      expect.arrayContaining([
        'functions/streams/route.ts',
        'functions/events/inbox.ts',
        'functions/events/dashboard.ts',
        'functions/events/webhook.ts',
        'functions/jobs/order-timers.ts',
        'functions/jobs/webhook-retries.ts',
      ]),
    );
  });

  it('carry neither the token verifier (aws-jwt-verify) nor middy nor the HTTP stack', () => {
    const found = Object.fromEntries(nonHttp.map((f) => [f.name, httpOnlyIn(bundles.get(f.name)!)]));
    expect(found).toEqual(Object.fromEntries(nonHttp.map((f) => [f.name, []])));
  });

  it('would be caught: an HTTP function’s bundle does carry them (control)', () => {
    const [control] = [...bundles.keys()].filter((name) => !nonHttp.some((f) => f.name === name));
    const inputs = bundles.get(control)!;
    expect(inputs.some((i) => i.includes('node_modules/aws-jwt-verify/'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/@middy/core/'))).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallsFile } from '../support/dynamodb-calls';
import { zipEntries } from '../support/zip';
import { connectSourcesOf, contentSecurityPolicy } from '../../scripts/lib/console';

// The production stack as CloudFormation would receive it: `osls package --stage prod` (no credentials needed),
// run once into a temporary folder; every assertion reads that one template and those zips.
const ROOT = join(__dirname, '..', '..');
/** Routes anyone may call without a token; every other route must carry the JWT authorizer. */
const PUBLIC_ROUTES = ['GET /products', 'GET /products/{productId}', 'GET /products/{productId}/reviews', 'GET /openapi.json', 'GET /docs'];
// Every function, the attachment ones included (S3 is signed with aws4fetch, not the SDK's S3 client). 640 KB:
// the limit catches a whole SDK client pulled in by mistake (the S3 client added ~150 KB); the resend of a SaaS
// call, which takes the answer through the SaaS job's own code rather than a copy of it, is just over 600 KB.
const MAX_BUNDLE_BYTES = 640 * 1024;

type Resource = { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string; Condition?: string };
let dir: string;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const functionIdOf = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}LambdaFunction`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'market-package-'));
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'osls'), ['package', '--stage', 'prod', '--package', dir], {
    cwd: ROOT,
    env: { ...process.env, ESBUILD_WORK_FOLDER: `.esbuild-test-${process.pid}-package` },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`osls package failed:\n${run.stdout}\n${run.stderr}`);
  resources = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')).Resources;
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packaged production stack', () => {
  it('ships one ESM bundle per function, within 600 KB, and no source map in any zip', () => {
    const zips = readdirSync(dir).filter((f) => f.endsWith('.zip'));
    expect(zips.length).toBe(ofType('AWS::Lambda::Function').length);
    for (const zip of zips) {
      const entries = zipEntries(join(dir, zip));
      expect(entries.filter((e) => e.name.endsWith('.map')), zip).toEqual([]);
      const bundles = entries.filter((e) => /\.(m?js|cjs)$/.test(e.name) && e.name.startsWith('functions/'));
      expect(bundles.map((e) => e.name), zip).toEqual([expect.stringMatching(/\.mjs$/)]);
      const map = JSON.parse(readFileSync(join(dir, 'sourcemaps', `${bundles[0].name}.map`), 'utf8')) as { sources: string[] };
      expect(map.sources.filter((source) => source.includes('node_modules/@aws-sdk/client-s3/')), zip).toEqual([]);
      expect(bundles[0].size, zip).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
      // the zip as uploaded: nothing shipped beside the bundle (a static file belongs to the console's hosting)
      expect(statSync(join(dir, zip)).size, zip).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    }
    // the maps are kept beside the zips, for decoding stack traces
    expect(existsSync(join(dir, 'sourcemaps', 'functions', 'orders', 'start.mjs.map'))).toBe(true);
  });

  it('runs on nodejs22.x without --enable-source-maps, logs at INFO and publishes metrics in the Marketplace namespace', () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      const env = fn.Properties.Environment.Variables;
      expect(env.NODE_OPTIONS ?? '', id).not.toMatch(/enable-source-maps/);
      expect(env.POWERTOOLS_METRICS_NAMESPACE, id).toBe('Marketplace');
      expect(env.POWERTOOLS_METRICS_DISABLED, id).toBe('false');
      expect(env.POWERTOOLS_LOG_LEVEL, id).toBe('INFO');
    }
  });

  it('puts the JWT authorizer on every route except the public ones', () => {
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    // the HTTP API's routes (the WebSocket API's `$connect` verifies the token in its function: see below)
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties).filter((r) => r.ApiId?.Ref === 'HttpApi');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      if (PUBLIC_ROUTES.includes(route.RouteKey)) continue;
      expect({ route: route.RouteKey, type: route.AuthorizationType, authorizer: route.AuthorizerId }).toEqual({
        route: route.RouteKey,
        type: 'JWT',
        authorizer: { Ref: authorizerId },
      });
    }
  });

  it('serves the live console’s WebSocket API; only its event consumer may post to connections, on this API', () => {
    const [[wsId]] = ofType('AWS::ApiGatewayV2::Api').filter(([, api]) => api.Properties.ProtocolType === 'WEBSOCKET');
    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId?.Ref === wsId).map(([, r]) => r.Properties.RouteKey).sort();
    expect(routes).toEqual(['$connect', '$default', '$disconnect']);
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage').filter(([, st]) => st.Properties.ApiId?.Ref === wsId);
    expect(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.Properties.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    const posting = ofType('AWS::IAM::Role').filter(([, role]) =>
      role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).some((st: any) => [st.Action].flat().includes('execute-api:ManageConnections')),
    );
    expect(posting.map(([id]) => id)).toEqual([resources[functionIdOf('eventsToLive')].Properties.Role['Fn::GetAtt'][0]]);
    const grant = posting[0][1].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).find((st: any) => [st.Action].flat().includes('execute-api:ManageConnections'));
    expect(JSON.stringify(grant.Resource)).toContain(`\${${wsId}}/prod/POST/@connections/*`);
  });

  it('throttles the HTTP API stage', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage').filter(([, st]) => st.Properties.ApiId?.Ref === 'HttpApi');
    expect(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.Properties.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
  });

  it('keeps the table: point-in-time recovery, the stream with both images, retained on removal', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table');
    expect(table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(table.Properties.StreamSpecification.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('projects each item’s list row into every index, not every attribute (docs/decisions.md, "List rows")', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table');
    const indexes = table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }>;
    expect(indexes).toHaveLength(8);
    for (const g of indexes) {
      expect(g.Projection.ProjectionType, g.IndexName).toBe('INCLUDE');
      expect(g.Projection.NonKeyAttributes?.slice(0, 2), g.IndexName).toEqual(['row', 'type']);
    }
  });

  it('protects the user pool: deletion protection, Retain, self sign-up only with the email confirmed by a code, a password policy', () => {
    const [[, pool]] = ofType('AWS::Cognito::UserPool');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    // anyone may register (spec 2.1), and confirms the email with a code before signing in
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
    expect(pool.Properties.AutoVerifiedAttributes).toEqual(['email']);
    expect(pool.Properties.VerificationMessageTemplate.DefaultEmailOption).toBe('CONFIRM_WITH_CODE');
    expect(pool.Properties.VerificationMessageTemplate.EmailMessage).toContain('{####}');
    const policy = pool.Properties.Policies.PasswordPolicy;
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(8);
    expect(policy).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true });
  });

  it('runs each scheduled job one at a time, without retries, failures to a queue', () => {
    const targets = ofType('AWS::Events::Rule')
      .filter(([, rule]) => rule.Properties.ScheduleExpression)
      .flatMap(([, rule]) => rule.Properties.Targets.map((t: any) => t.Arn['Fn::GetAtt'][0] as string));
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const fnId of targets) {
      expect(resources[fnId].Properties.ReservedConcurrentExecutions, fnId).toBe(1);
      const [[, invokeConfig]] = ofType('AWS::Lambda::EventInvokeConfig').filter(([, c]) => c.Properties.FunctionName.Ref === fnId);
      expect(invokeConfig.Properties.MaximumRetryAttempts, fnId).toBe(0);
      const queue = invokeConfig.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(resources[queue].Type, fnId).toBe('AWS::SQS::Queue');
    }
  });

  it('routes the stream to one event bus whose consumers each retry and park failures in a queue of their own', () => {
    const [[busId, bus]] = ofType('AWS::Events::EventBus');
    const rules = ofType('AWS::Events::Rule').filter(([, rule]) => rule.Properties.EventBusName === bus.Properties.Name);
    const consumers = rules.map(([, rule]) => rule.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string).sort();
    // every reaction is a consumer of its own (more join as features do)
    expect(consumers, busId).toEqual(
      expect.arrayContaining(['EventsToDashboardLambdaFunction', 'EventsToEmailLambdaFunction', 'EventsToInboxLambdaFunction', 'EventsToLiveLambdaFunction', 'EventsToWebhookLambdaFunction']),
    );
    const queues = new Set<string>();
    for (const [id, rule] of rules) {
      const [target] = rule.Properties.Targets;
      expect(target.RetryPolicy, id).toEqual({ MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 });
      const queue = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
      expect(resources[queue].Type, id).toBe('AWS::SQS::Queue');
      queues.add(queue);
      const [[, invokeConfig]] = ofType('AWS::Lambda::EventInvokeConfig').filter(([, c]) => c.Properties.FunctionName.Ref === target.Arn['Fn::GetAtt'][0]);
      expect(invokeConfig.Properties.MaximumRetryAttempts, id).toBe(2);
      expect(invokeConfig.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0], id).toBe(queue);
    }
    expect(queues.size).toBe(consumers.length);
    const [[, policy]] = ofType('AWS::SQS::QueuePolicy');
    expect(policy.Properties.Queues.map((q: any) => q.Ref).sort()).toEqual([...queues].sort());
    const router = resources[functionIdOf('routeTableEvents')];
    const statements = resources[router.Properties.Role['Fn::GetAtt'][0]].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(statements.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:') && !/Stream|GetRecords|GetShardIterator/.test(a)))).toEqual([]);
    expect(statements.find((s: any) => [s.Action].flat().includes('events:PutEvents')).Resource['Fn::Sub']).toMatch(/event-bus\/marketplace-prod-events$/);
  });

  it('raises alarms to one SNS topic: failure queues, every function’s errors and throttles, iterator age, 5xx rate', () => {
    const [[topicId]] = ofType('AWS::SNS::Topic');
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    const on = (namespace: string, metric: string, dimension: unknown) =>
      alarms.filter((a) => a.Namespace === namespace && a.MetricName === metric && JSON.stringify(a.Dimensions).includes(JSON.stringify(dimension)));
    for (const [queueId] of ofType('AWS::SQS::Queue')) {
      expect(on('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [queueId, 'QueueName'] }), queueId).toHaveLength(1);
    }
    for (const [fnId] of ofType('AWS::Lambda::Function')) {
      expect(on('AWS/Lambda', 'Errors', { Ref: fnId }), fnId).toHaveLength(1);
      expect(on('AWS/Lambda', 'Throttles', { Ref: fnId }), fnId).toHaveLength(1);
    }
    expect(on('AWS/Lambda', 'IteratorAge', { Ref: functionIdOf('routeTableEvents') })).toHaveLength(1);
    const rate = alarms.find((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric.Namespace === 'AWS/ApiGateway' && m.MetricStat.Metric.MetricName === '5xx'));
    expect(rate?.Metrics.find((m: any) => m.ReturnData).Expression).toMatch(/errors \/ requests/);
  });

  it('has no unused role, no dynamodb:* and no Resource "*"', () => {
    const used = new Set(ofType('AWS::Lambda::Function').map(([, f]) => f.Properties.Role['Fn::GetAtt'][0]));
    expect(ofType('AWS::IAM::Role').map(([id]) => id).filter((id) => !used.has(id))).toEqual([]);
    for (const [id, role] of ofType('AWS::IAM::Role')) {
      for (const statement of role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)) {
        expect([statement.Action].flat(), id).not.toContain('dynamodb:*');
        expect([statement.Resource].flat(), id).not.toContain('*');
      }
    }
  });

  it('sends the console’s security headers from CloudFront: the local server’s CSP directives, no framing, nosniff', () => {
    const [[policyId, policy]] = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0];
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    const sub: string = security.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Sub'];
    const deployed = sub.replaceAll('${AWS::Region}', 'eu-west-1').replaceAll('${AttachmentsBucket}', 'bucket1');
    const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.sort()]));
    const local = directives(contentSecurityPolicy([]));
    const edge = directives(deployed);
    expect([...edge.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [name, values] of local) if (name !== 'connect-src') expect(edge.get(name), name).toEqual(values);
    expect(edge.get('frame-ancestors')).toEqual(["'none'"]);
    // the API (and any websocket API) by the service's wildcard; the user pool and the attachments' bucket by name
    const apiService = ['https://*.execute-api.eu-west-1.amazonaws.com', 'wss://*.execute-api.eu-west-1.amazonaws.com'];
    const named = connectSourcesOf({ apiUrl: '', cognito: { region: 'eu-west-1', userPoolId: '', clientId: '' } }, ['https://bucket1.s3.eu-west-1.amazonaws.com'])
      .filter((origin) => origin.startsWith('https://'));
    expect(edge.get('connect-src')).toEqual(["'self'", ...apiService, ...named].sort());
  });

  it('seals secrets with a rotating KMS key that only the functions creating or signing with a webhook secret may use', () => {
    const [[keyId, key]] = ofType('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    const kmsOf: Record<string, string[]> = {};
    // SaaS 接入: the functions that seal an endpoint's token or sign a call with it use the key for that purpose only
    const saasTokenUsers = ['putSaasEndpoint', 'debugSaasEndpoint', 'resendSaasCall', 'eventsToSaasOrders', 'saasOrders'];
    // redemption codes: sealed at upload (with the product's hash key), opened for their buyer once revealed
    const codeSealers = ['uploadCodes'];
    const codeOpeners = ['getOrder', 'revealOrder'];
    const purposeOf = (name: string) =>
      saasTokenUsers.includes(name)
        ? 'saas-endpoint-token'
        : codeSealers.includes(name)
          ? ['redemption-code', 'redemption-code-hash-key']
          : codeOpeners.includes(name)
            ? 'redemption-code'
            : 'webhook-signing-secret';
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const name = fn.Properties.FunctionName.replace(/^marketplace-prod-/, '');
      expect(fn.Properties.Environment.Variables.SECRETS_KMS_KEY, name).toEqual(keyArn);
      for (const statement of resources[fn.Properties.Role['Fn::GetAtt'][0]].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)) {
        const actions = [statement.Action].flat().filter((a: string) => a.startsWith('kms:'));
        if (actions.length === 0) continue;
        expect(statement.Resource, name).toEqual(keyArn);
        expect(statement.Condition, name).toEqual({ StringEquals: { 'kms:EncryptionContext:purpose': purposeOf(name) } });
        kmsOf[name] = [...(kmsOf[name] ?? []), ...actions].sort();
      }
    }
    expect(kmsOf).toEqual({
      putWebhook: ['kms:Decrypt', 'kms:Encrypt'],
      testWebhook: ['kms:Decrypt'],
      redeliverWebhook: ['kms:Decrypt'],
      eventsToWebhook: ['kms:Decrypt'],
      webhookRetries: ['kms:Decrypt'],
      // SaaS 接入
      putSaasEndpoint: ['kms:Decrypt', 'kms:Encrypt'],
      debugSaasEndpoint: ['kms:Decrypt'],
      resendSaasCall: ['kms:Decrypt'],
      eventsToSaasOrders: ['kms:Decrypt'],
      saasOrders: ['kms:Decrypt'],
      // redemption codes
      uploadCodes: ['kms:Decrypt', 'kms:Encrypt'],
      getOrder: ['kms:Decrypt'],
      revealOrder: ['kms:Decrypt'],
    });
  });

  it('grants each function exactly the DynamoDB calls its code sends (test/support/dynamodb-calls.json)', () => {
    const recorded = JSON.parse(readFileSync(join(ROOT, 'test', 'support', 'dynamodb-calls.json'), 'utf8')) as CallsFile;
    const tableArn = JSON.stringify({ 'Fn::GetAtt': ['MarketTable', 'Arn'] });
    /** `table`, `index/<name>` or `index/*` for a statement's resource on the one table; undefined for others. */
    const targetOf = (resource: unknown) => {
      if (JSON.stringify(resource) === tableArn) return 'table';
      const join = (resource as any)?.['Fn::Join'];
      if (join && JSON.stringify(join[1][0]) === tableArn && join[1][1] === 'index') return `index/${join[1][2]}`;
      return undefined;
    };
    const functions = ofType('AWS::Lambda::Function').map(([id, f]) => ({ id, name: f.Properties.FunctionName.replace(/^marketplace-prod-/, ''), role: f.Properties.Role['Fn::GetAtt'][0] }));
    const problems: string[] = [];
    for (const fn of functions) {
      const granted = new Map<string, Set<string>>();
      for (const statement of resources[fn.role].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)) {
        for (const action of [statement.Action].flat().filter((a: string) => a.startsWith('dynamodb:'))) {
          for (const resource of [statement.Resource].flat()) {
            const target = targetOf(resource);
            if (target) granted.set(action, (granted.get(action) ?? new Set()).add(target));
          }
        }
      }
      // a function the tests never saw call DynamoDB may be granted nothing on it
      const calls = recorded[fn.name] ?? {};
      for (const [action, targets] of Object.entries(calls)) {
        for (const target of targets) {
          const covered = granted.get(action)?.has(target) || (target.startsWith('index/') && granted.get(action)?.has('index/*'));
          if (!covered) problems.push(`${fn.name}: sends ${action} on ${target}, not granted`);
        }
      }
      for (const [action, targets] of granted) {
        for (const target of targets) {
          const needed = target === 'index/*' ? (calls[action] ?? []).some((t) => t.startsWith('index/')) : (calls[action] ?? []).includes(target);
          // the stream's own read permissions are on the stream, not the table: not compared here
          if (!needed) problems.push(`${fn.name}: granted ${action} on ${target}, never sent`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

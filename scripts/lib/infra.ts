import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Reads the resources that serverless.yml deploys, so the local stack creates its table and user pool
 * from the same definitions rather than from a second copy.
 */

// CloudFormation short-form tags, kept as opaque objects: the local stack never needs their values.
const cfnTags = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'Condition', 'ImportValue', 'FindInMap', 'Base64']
  .flatMap((name) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) => new yaml.Type(`!${name}`, { kind, construct: (data) => ({ [`Fn::${name}`]: data }) }),
    ),
  );
const schema = yaml.DEFAULT_SCHEMA.extend(cfnTags);

interface Resource {
  Type: string;
  Properties: Record<string, any>;
}

const root = join(__dirname, '..', '..');

const readServerlessYml = () => yaml.load(readFileSync(join(root, 'serverless.yml'), 'utf8'), { schema }) as any;

export const readResources = (): Record<string, Resource> => readServerlessYml().resources.Resources;

/** Every HTTP API route that serverless.yml deploys, as `METHOD /path`, with whether it has the JWT authorizer. */
export const readHttpRoutes = () =>
  Object.values(
    readServerlessYml().functions as Record<string, { handler: string; events?: Array<{ httpApi?: { method: string; path: string; authorizer?: string } }> }>,
  ).flatMap((f) =>
    (f.events ?? [])
      .filter((e) => e.httpApi)
      .map((e) => ({
        route: `${e.httpApi!.method.toUpperCase()} ${e.httpApi!.path}`,
        authorized: e.httpApi!.authorizer === 'cognito',
        /** The handler's module, relative to the project root and without extension (`functions/orders/create`). */
        module: f.handler.replace(/\.[^.]+$/, ''),
      })),
  );

const ofType = (type: string) => Object.values(readResources()).filter((r) => r.Type === type);

/** The CreateTable input for the one table, under the given name. */
export const tableDefinition = (tableName: string): CreateTableCommandInput => {
  const [table] = ofType('AWS::DynamoDB::Table');
  const p = table.Properties;
  return {
    TableName: tableName,
    BillingMode: p.BillingMode,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
    StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType },
  };
};

/** The user pool, its app client and groups, as CreateUserPool/CreateUserPoolClient/CreateGroup inputs. */
export const userPoolDefinition = (poolName: string) => {
  const [pool] = ofType('AWS::Cognito::UserPool');
  const [client] = ofType('AWS::Cognito::UserPoolClient');
  return {
    pool: {
      PoolName: poolName,
      UsernameAttributes: pool.Properties.UsernameAttributes,
      AutoVerifiedAttributes: pool.Properties.AutoVerifiedAttributes,
      Policies: pool.Properties.Policies,
    },
    /** What the pool's code email says (`{####}` is the code): the local stack mails codes with the same words. */
    verification: {
      subject: String(pool.Properties.VerificationMessageTemplate?.EmailSubject ?? 'Verification code'),
      message: String(pool.Properties.VerificationMessageTemplate?.EmailMessage ?? 'Your verification code is {####}'),
    },
    client: {
      ClientName: `${poolName}-console`,
      GenerateSecret: client.Properties.GenerateSecret,
      ExplicitAuthFlows: client.Properties.ExplicitAuthFlows,
    },
    groups: ofType('AWS::Cognito::UserPoolGroup').map((g) => ({
      GroupName: g.Properties.GroupName as string,
      Description: g.Properties.Description as string,
    })),
  };
};

/** Every function serverless.yml deploys: its key, the handler's source file and exported name. */
export const readFunctions = () =>
  Object.entries(readServerlessYml().functions as Record<string, { handler: string }>).map(([name, f]) => {
    const dot = f.handler.lastIndexOf('.');
    return { name, handlerFile: `${f.handler.slice(0, dot)}.ts`, exportName: f.handler.slice(dot + 1) };
  });

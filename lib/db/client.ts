import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

const local = config.dynamodbEndpoint !== undefined;

/** The one DynamoDB client of a function, created at module load and reused across invocations. */
export const ddb = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamodbEndpoint,
    // a database that does not answer fails the request in bounded time (503), never holds it to the
    // function's timeout
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
);

export const tableName = config.tableName;

import { tableName } from '../db/client';
import { keys } from '../db/keys';
import type { TransactItem } from '../db/write';
import { ConflictError } from '../http/errors';
import { msg } from '../i18n';

/**
 * A transaction part that holds only while the organisation is not suspended (spec 2.1): creating and submitting
 * products and buying carry it, so a suspension refuses them from the moment it is written. A providerId without
 * an organisation item (none since the migration) is not refused here: the membership check is what makes a provider.
 */
export const organisationActive = (providerId: string): TransactItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: keys.organisation(providerId),
    ConditionExpression: 'attribute_not_exists(PK) OR #status = :active',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':active': 'active' },
  },
});

/** 409 PROVIDER_SUSPENDED: the organisation is suspended; its orders go on, nothing new starts. */
export const providerSuspended = () => new ConflictError('PROVIDER_SUSPENDED', msg('detail.providerSuspended'));

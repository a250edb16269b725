import { tableName } from '../db/client';
import { rateCounterItem } from './items';
import { ConditionFailed, updateItem, type TransactItem } from '../db/write';
import { ThrottledError } from '../http/errors';
import { msg } from '../i18n';
import type { RateName } from '../i18n/terms';

/** A per-user limit: at most `limit` actions of one kind per fixed window of `windowSeconds`. */
export interface RateRule {
  /** The kind of action counted: `orders`, `products`, `messages`, `webhook-sends`. */
  name: RateName;
  limit: number;
  windowSeconds: number;
}

const windowOf = (rule: RateRule, now: Date) => {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start, end: start + ms };
};

/**
 * The counter's conditional update: one more action in the user's current window, refused once the window
 * holds `limit`. Put it in the transaction of the action it counts, so a refused action writes nothing and
 * an accepted one costs no extra round trip. The counter expires with TTL a window after its end.
 */
export const rateLimitUpdate = (rule: RateRule, userId: string, now: Date): TransactItem => {
  const { start, end } = windowOf(rule, now);
  return {
    Update: {
      TableName: tableName,
      Key: rateCounterItem.key({ userId, name: rule.name, windowSeconds: rule.windowSeconds, windowStart: new Date(start).toISOString() }),
      UpdateExpression: 'SET #type = :type, expiresAt = :expires ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
      ExpressionAttributeValues: { ':type': rateCounterItem.type, ':expires': Math.ceil(end / 1000) + rule.windowSeconds, ':one': 1, ':limit': rule.limit },
    },
  };
};

/** 429 THROTTLED with Retry-After until the user's window ends. */
export const throttled = (rule: RateRule, now: Date) =>
  new ThrottledError(
    msg('detail.rateLimited', { limit: rule.limit, name: rule.name, seconds: rule.windowSeconds }),
    (windowOf(rule, now).end - now.getTime()) / 1000,
  );

/**
 * Counts one action against the user's limit on its own (one UpdateItem), for an action whose write cannot
 * carry the counter; throws 429 THROTTLED when the window is full.
 */
export const takeRateLimit = async (rule: RateRule, userId: string, now: Date): Promise<void> => {
  const { Update } = rateLimitUpdate(rule, userId, now) as { Update: Parameters<typeof updateItem>[0] };
  try {
    await updateItem(Update, 'rate');
  } catch (err) {
    if (err instanceof ConditionFailed) throw throttled(rule, now);
    throw err;
  }
};

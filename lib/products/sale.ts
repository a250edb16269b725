import { tableName } from '../db/client';
import { updateExpression } from '../db/item';
import { Expr } from '../db/write';
import { productItem, productSaleItem } from './items';
import type { ProductHead } from './schemas';

/**
 * A product's sale state (lib/products/items.ts, `productSaleItem`): the writes that keep it equal to the
 * head's `listing`, `liveRevision` and `suspended`, each in the transaction of the head's change, and the
 * purchase's condition on it (docs/decisions.md, "Paying for what changed").
 */

type Raw = Record<string, unknown>;

/** The head's attributes the sale state mirrors: what a purchase's condition reads. */
const MIRRORED = ['listing', 'liveRevision', 'suspended'] as const;
type SaleState = Pick<ProductHead, (typeof MIRRORED)[number]>;

/** The mirrored attributes `head` (a whole head, or a change: `undefined` removes) carries. */
const mirroredIn = (head: Partial<SaleState>, present: (name: (typeof MIRRORED)[number]) => boolean) =>
  Object.fromEntries(MIRRORED.filter(present).map((name) => [name, head[name]])) as Partial<SaleState>;

/**
 * The sale state's part of a blind status change (`changed`: what the change sets on the head, as
 * `lib/products/repository.ts` computes it): the mirrored attributes it sets or removes (an approval lists
 * only a product that is not suspended, so it removes `suspended`), by the declaration's update; undefined
 * when it changes none of them. The update may create the item (a product listed before sale states existed).
 */
export const saleChange = (productId: string, changed: Partial<ProductHead>, approves: boolean) => {
  const change = mirroredIn({ ...changed, ...(approves ? { suspended: undefined } : {}) }, (name) => name in changed || (approves && name === 'suspended'));
  if (!Object.keys(change).length) return undefined;
  const expr = new Expr();
  const { sets, removes } = productSaleItem.update(expr, { ...change, productId });
  sets.push(...productSaleItem.identity(expr, { productId }));
  return { Update: { TableName: tableName, Key: productSaleItem.key({ productId }), UpdateExpression: updateExpression(sets, removes), ...expr.attrs() } };
};

/** The whole sale state of a product as its head is (a suspension's hide or show writes it so). */
export const salePut = (head: Pick<ProductHead, 'productId'> & SaleState) => ({
  Put: { TableName: tableName, Item: productSaleItem.item({ productId: head.productId, ...mirroredIn(head, (name) => head[name] !== undefined) }) },
});

/**
 * The purchase's condition: the product still listed, not suspended, and its live content the one read
 * (`liveRevision`; a product stored whole, which has none, by its version) — on the sale state when the
 * product has one, else on its head (a product listed before sale states existed). Named `product` either way.
 */
export const stillOnSale = (productId: string, head: Raw, sale: Raw | undefined) => {
  const revision = typeof head.liveRevision === 'string' ? head.liveRevision : undefined;
  // a product stored whole has no revision, so no sale state that could say it: its head, by its version
  const onSale = sale !== undefined && productSaleItem.is(sale) && revision !== undefined;
  const byVersion = !revision;
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: onSale ? productSaleItem.key({ productId }) : productItem.key({ productId }),
      ConditionExpression: `#listing = :listed AND attribute_not_exists(#suspended) AND ${byVersion ? '#version = :version' : '#revision = :revision'}`,
      ExpressionAttributeNames: { '#listing': 'listing', '#suspended': 'suspended', ...(byVersion ? { '#version': 'version' } : { '#revision': 'liveRevision' }) },
      ExpressionAttributeValues: { ':listed': 'listed', ...(byVersion ? { ':version': head.version } : { ':revision': revision }) },
    },
  };
};

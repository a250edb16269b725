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

/**
 * The sale state's part of a blind status change (`changed`: what the change sets on the head, as
 * `lib/products/repository.ts` computes it): the attributes it changes, set or removed (an approval lists
 * only a product that is not suspended, so it removes `suspended`). Undefined when it changes none of them.
 */
export const saleChange = (productId: string, changed: Partial<ProductHead>, approves: boolean) => {
  const expr = new Expr();
  const sets: string[] = [];
  const removes: string[] = [];
  if ('listing' in changed && changed.listing !== undefined) sets.push(`${expr.name('listing')} = ${expr.value(changed.listing)}`);
  if ('liveRevision' in changed && typeof changed.liveRevision === 'string') sets.push(`${expr.name('liveRevision')} = ${expr.value(changed.liveRevision)}`);
  if (approves) removes.push(expr.name('suspended'));
  if (!sets.length && !removes.length) return undefined;
  // an update may create it (a product listed before sale states existed): it names its type and product
  sets.push(`${expr.name('type')} = ${expr.value(productSaleItem.type)}`, `${expr.name('productId')} = ${expr.value(productId)}`);
  return { Update: { TableName: tableName, Key: productSaleItem.key({ productId }), UpdateExpression: updateExpression(sets, removes), ...expr.attrs() } };
};

/** The whole sale state of a product as its head is (a suspension's hide or show writes it so). */
export const salePut = (head: Pick<ProductHead, 'productId' | 'listing' | 'liveRevision' | 'suspended'>) => ({
  Put: {
    TableName: tableName,
    Item: productSaleItem.item({
      productId: head.productId,
      listing: head.listing,
      ...(head.liveRevision ? { liveRevision: head.liveRevision } : {}),
      ...(head.suspended ? { suspended: true as const } : {}),
    }),
  },
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

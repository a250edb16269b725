import { runMigration } from './lib/target';

/**
 * `npm run migrate:items [-- --stage <stage> [--region <region>]]`: splits orders and products stored whole into head and
 * body (scripts/lib/items-split.ts), in the local stack or a deployed stage (with credentials that may scan
 * its table). Safe to run again: an order already split is not read as whole and is left alone.
 */
runMigration('Could not split the stored items', async ({ db, table }) => {
  // the order and product modules read the functions' configuration when loaded; the split writes only through
  // `db`, so the configuration names the table and nothing it would sign in with
  process.env.TABLE_NAME ??= table;
  process.env.AUTH_ISSUER ??= 'https://issuer.invalid/unused';
  process.env.AUTH_CLIENT_ID ??= 'unused';
  const { splitStoredItems } = await import('./lib/items-split');
  const { scanned, orders, products, skipped } = await splitStoredItems(db, table);
  return `Scanned ${scanned} items; split ${orders} order${orders === 1 ? '' : 's'} and ${products} product${products === 1 ? '' : 's'} into head and body${skipped ? `; ${skipped} changed meanwhile (run again)` : ''}.`;
});

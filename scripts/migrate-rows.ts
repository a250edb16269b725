import { backfillRows, dropStaleIndexKeys } from './lib/rows';
import { runMigration } from './lib/target';

/**
 * `npm run migrate:rows [-- --stage <stage> [--region <region>]]`: gives every stored item of a type that lives
 * in an index the list row its declaration builds (lib/db/item.ts, `row`), in the local stack or a deployed
 * stage (with credentials that may scan and update its table). Run it before deploying the indexes that
 * project only `row`. Then removes the index keys of places an item type no longer has (an order's GSI1 and
 * GSI2). Safe to run again: an item that has its row, and no stale key, is passed over.
 */
runMigration('Could not give the stored items their list rows', async ({ db, table }) => {
  const { scanned, written, skipped } = await backfillRows(db, table);
  const stale = await dropStaleIndexKeys(db, table);
  return `${scanned} item${scanned === 1 ? '' : 's'} scanned; ${written} given a list row${skipped ? `, ${skipped} written meanwhile` : ''}; ${stale.written} relieved of index keys of places their type no longer has.`;
});

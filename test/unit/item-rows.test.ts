import { describe, expect, it } from 'vitest';
import { copyOf, ifAbsent } from '../../lib/db/item';
import { unwrapRow } from '../../lib/db/row';
import { Expr } from '../../lib/db/write';
import { ITEM_DECLARATIONS } from '../../lib/items';
import { inboxItem, notificationItem } from '../../lib/notifications/items';
import { productItem } from '../../lib/products/items';
import { saasCallItem } from '../../lib/saas/items';
import { rateCounterItem } from '../../lib/shared/items';
import { deliveryItem } from '../../lib/webhooks/items';

/** Clauses with their names and values put back, to read them as DynamoDB would. */
const clauses = (expr: Expr, list: string[]) =>
  list.map((c) => c.replace(/#\w+/g, (n) => expr.names[n] ?? n).replace(/:\w+/g, (v) => JSON.stringify(expr.values[v])));

const notification = {
  recipientId: 'u1',
  notificationId: '01N',
  action: 'start',
  title: { zh: '开始', en: 'Started' },
  body: { zh: '订单开始', en: 'The order started' },
  read: false,
  createdAt: '2026-01-01T00:00:00.000Z',
} as never;

describe('list rows', () => {
  it('a Put of an item that lives in an index writes its listed attributes as `row`; an item in no index has none', () => {
    const item = notificationItem.item(notification);
    const top = Object.fromEntries(Object.entries(item).filter(([k]) => !/^(PK|SK|type|row|GSI\d(PK|SK))$/.test(k)));
    // a notification's texts are kept in its row only
    expect(item.row).toEqual({ ...top, title: (notification as any).title, body: (notification as any).body });
    expect(item).not.toHaveProperty('title');
    expect(item).not.toHaveProperty('body');
    expect(rateCounterItem.hasRow).toBe(false);
    expect(rateCounterItem.isListed('count')).toBe(false);
  });

  it('an attribute kept in the row only is read from the row, and an update writes only its row path', () => {
    const item = notificationItem.item(notification);
    expect(notificationItem.parse(item)).toMatchObject({ title: { zh: '开始' }, body: { en: 'The order started' } });
    const expr = new Expr();
    const { sets, removes } = notificationItem.update(expr, { title: { zh: '改', en: 'Changed' }, body: undefined, read: true } as never, notification);
    expect(clauses(expr, sets)).toEqual(expect.arrayContaining(['row.title = {"zh":"改","en":"Changed"}', 'read = true', 'row.read = true']));
    expect(clauses(expr, sets).some((c) => c.startsWith('title'))).toBe(false);
    expect(clauses(expr, removes)).toContain('row.body');
    expect(clauses(expr, removes)).not.toContain('body');
    expect(clauses(expr, notificationItem.set(expr, 'title', 'RHS'))).toEqual(['row.title = RHS']);
  });

  it('an update keeps the row current: a set, a removal, a copy, a value set only if absent', () => {
    const expr = new Expr();
    const { sets, removes } = productItem.update(
      expr,
      { updatedAt: 'now', reviewReason: undefined, liveCard: copyOf('draftCard'), listedAt: ifAbsent('then') } as never,
      { productId: '01P', providerId: 'prov', listing: 'listed', review: 'none', suspended: undefined, draftCard: { serviceType: 'saas' } } as never,
    );
    const written = clauses(expr, sets);
    expect(written).toEqual(expect.arrayContaining(['updatedAt = "now"', 'row.updatedAt = "now"', 'liveCard = draftCard', 'row.liveCard = draftCard']));
    expect(written).toEqual(expect.arrayContaining(['listedAt = if_not_exists(listedAt, "then")', 'row.listedAt = if_not_exists(listedAt, "then")']));
    expect(clauses(expr, removes)).toEqual(expect.arrayContaining(['reviewReason', 'row.reviewReason']));
  });

  it('hand-written clauses keep the row through set() and remove(); a key, `type` or key copy is never in it', () => {
    const expr = new Expr();
    expect(clauses(expr, productItem.set(expr, 'version', `${expr.name('version')} + ${expr.value(1)}`))).toEqual(['version = version + 1', 'row.version = version + 1']);
    expect(clauses(expr, productItem.set(expr, 'draftCard.summary', expr.value('x')))).toEqual(['draftCard.summary = "x"', 'row.draftCard.summary = "x"']);
    expect(clauses(expr, productItem.remove(expr, 'reviewReason'))).toEqual(['reviewReason', 'row.reviewReason']);
    for (const name of ['PK', 'GSI1PK', 'type', 'row', 'listingKey_listed']) expect(productItem.isListed(name), name).toBe(false);
  });

  it('names projected by name stay out of the row; an update writing every listed attribute writes the whole row', () => {
    expect(inboxItem.rowOf({ unreadCount: 3 })).toEqual({});
    expect(deliveryItem.isListed('attempts')).toBe(false);
    const expr = new Expr();
    const changed = {
      providerId: 'prov',
      callId: 'evt-1',
      action: 'createInstance',
      orderId: undefined,
      url: 'https://saas.example.cn/api',
      request: '{}',
      status: 'succeeded',
      httpStatus: 200,
      latencyMs: 12,
      signId: undefined,
      answer: 'ok',
      error: undefined,
      createdAt: ifAbsent('t0'),
      updatedAt: 't1',
    };
    const { sets } = saasCallItem.update(expr, changed as never, { providerId: 'prov', callId: 'evt-1' });
    const written = clauses(expr, sets);
    // one map: the call may not exist yet, and a path in a map needs the map
    expect(written.filter((c) => c.startsWith('row'))).toEqual([
      `row = ${JSON.stringify({ providerId: 'prov', callId: 'evt-1', action: 'createInstance', url: 'https://saas.example.cn/api', request: '{}', status: 'succeeded', httpStatus: 200, latencyMs: 12, answer: 'ok', updatedAt: 't1' })}`,
    ]);
  });

  it('a filter of an index Query reads the attributes in the row, the keys and `type` where they are', () => {
    const expr = new Expr();
    const filter = expr.inRow((e) => `${e.eq('draft.serviceType', 'saas')} OR ${e.eq('SK', 'INBOX')} OR ${e.eq('type', 'order')}`);
    expect(clauses(expr, [filter])).toEqual(['row.draft.serviceType = "saas" OR SK = "INBOX" OR type = "order"']);
    // and only inside it
    expect(clauses(expr, [expr.name('status')])).toEqual(['status']);
  });

  it('an index answers its row unwrapped into the item', () => {
    expect(unwrapRow({ PK: 'p', SK: 's', type: 't', GSI1PK: 'g', unreadCount: 2, row: { a: 1 } })).toEqual({ PK: 'p', SK: 's', type: 't', GSI1PK: 'g', unreadCount: 2, a: 1 });
    expect(unwrapRow({ PK: 'p', SK: 's' })).toEqual({ PK: 'p', SK: 's' });
  });

  it('every listed and projected name of a declaration is one it can store; no name is both', () => {
    for (const d of ITEM_DECLARATIONS) {
      const listed = d.listedNames() ?? [];
      for (const name of d.projectedNames()) expect(listed, `${d.spec.name}: ${name}`).not.toContain(name);
      if (!d.hasRow) expect(d.spec.listed ?? d.spec.projected, d.spec.name).toBeUndefined();
    }
  });
});

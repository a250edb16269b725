import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as buy } from '../../functions/orders/create';
import { handler as complete } from '../../functions/orders/complete';
import { EXPORT_LIMITS } from '../../lib/orders/export';
import { listOrders, walkOrders } from '../../lib/orders/repository';
import { countCalls } from '../support/db';
import { invoke } from '../support/http';
import { listedProduct, orderIn } from '../support/orders';
import { must } from '../support/products';

const NAME = '调优"加急", 含税';
const NOTE = '第一行, 含逗号\n第二行 "引号"\n=HYPERLINK("http://x")';

const exportAs = async (query: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await invoke(exportOrders, { as: 'provider', query, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};
const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];

const defaults = { ...EXPORT_LIMITS };
afterEach(() => Object.assign(EXPORT_LIMITS, defaults));

describe('GET /provider/orders/export', () => {
  it('writes UTF-8 CSV with a BOM and Chinese headers that a CSV parser reads back, commas, quotes and newlines intact', async () => {
    const since = new Date().toISOString();
    const done = await orderIn('implementing', { content: { name: NAME } });
    must(await invoke(complete, { as: 'provider', params: { orderId: done.orderId }, body: { note: NOTE } }), 200);
    const waiting = await orderIn('awaiting_start', { content: { name: NAME } });

    const res = await exportAs({ createdFrom: since });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = rowsOf(res.body);
    expect(Object.keys(rows[0])).toEqual([
      '订单号', '商品名称', '规格', '数量', '单价（元）', '金额（元）', '服务商状态', '用户状态', '买家', '购买时间', '开始实施时间', '完成时间', '退款（元）', '交付说明',
    ]);
    expect(rows.map((r) => r['订单号'])).toEqual([waiting.orderId, done.orderId]);
    const row = rows[1];
    expect(row).toMatchObject({
      商品名称: NAME,
      规格: '基础版',
      数量: '2',
      '单价（元）': '800.00',
      '金额（元）': '1600.00',
      服务商状态: '待用户确认',
      用户状态: '待确认完成',
      '退款（元）': '',
    });
    // a cell a spreadsheet would run as a formula is defused; the rest is exactly as written
    expect(row['交付说明']).toBe(NOTE);
    expect(rows[0]).toMatchObject({ 服务商状态: '待实施', 用户状态: '待提交需求单' });
    // times in Asia/Shanghai (UTC+8) by default
    expect(row['购买时间']).toBe(shanghai(done.createdAt));
    expect(row['开始实施时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(res.headers['export-rows']).toBe('2');
    expect(res.headers['export-truncated']).toBeUndefined();
  });

  it('speaks English with Accept-Language: en and gives times in the zone asked for', async () => {
    const since = new Date().toISOString();
    const order = await orderIn('awaiting_start', { content: { name: NAME } });
    const res = await exportAs({ createdFrom: since, tz: 'UTC' }, { 'accept-language': 'en' });
    const [row] = rowsOf(res.body);
    expect(row).toMatchObject({ 'Order ID': order.orderId, 'Amount (CNY)': '1600.00', 'Provider status': expect.any(String) });
    expect(row['Purchased at']).toBe(order.createdAt.slice(0, 19).replace('T', ' '));
    expect(row['Buyer status']).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('defuses cells that spreadsheets would run as formulas', async () => {
    const since = new Date().toISOString();
    const order = await orderIn('implementing', { content: { name: '=cmd' } });
    must(await invoke(complete, { as: 'provider', params: { orderId: order.orderId }, body: { note: '+1 and -1' } }), 200);
    const [row] = rowsOf((await exportAs({ createdFrom: since })).body);
    expect(row['商品名称']).toBe("'=cmd");
    expect(row['交付说明']).toBe("'+1 and -1");
  });

  it('applies the order list’s filters', async () => {
    const since = new Date().toISOString();
    await orderIn('awaiting_start');
    const cancelled = await orderIn('cancelled');
    const rows = rowsOf((await exportAs({ createdFrom: since, status: 'cancelled' })).body);
    expect(rows.map((r) => r['订单号'])).toEqual([cancelled.orderId]);
    expect(rows[0]['退款（元）']).toBe('1600.00');
  });

  it('stops at its row bound, says so, and the cursor it gives exports the rest', async () => {
    const since = new Date().toISOString();
    const product = await listedProduct('provider');
    const bought: string[] = [];
    for (let i = 0; i < 5; i++) bought.push(must(await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } }), 201).orderId);
    EXPORT_LIMITS.rows = 3;
    const first = await exportAs({ createdFrom: since });
    expect(first.headers['export-truncated']).toBe('true');
    expect(first.headers['export-rows']).toBe('3');
    const rest = await exportAs({ createdFrom: since, cursor: first.headers['export-next-cursor'] });
    expect(rest.headers['export-truncated']).toBeUndefined();
    const ids = [...rowsOf(first.body), ...rowsOf(rest.body)].map((r) => r['订单号']);
    expect(ids).toEqual([...bought].reverse());
  });

  it('walks the status partitions once: the list’s rows and cursors, each item read once', async () => {
    const since = new Date().toISOString();
    const made: string[] = [];
    let providerId = '';
    for (const stage of ['awaiting_start', 'cancelled', 'implementing', 'awaiting_start', 'completed', 'cancelled', 'requirements_submitted'] as const) {
      const order = await orderIn(stage);
      made.push(order.orderId);
      providerId = order.providerId;
    }
    const q = { createdFrom: since };
    const ids = (page: { items: { orderId: string }[] }) => page.items.map((o) => o.orderId);
    // the list read in pages of 3: every page queries all 11 status partitions again
    const listed = await countCalls(async () => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listOrders({ providerId }, { ...q, cursor, limit: 3 });
        out.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    });
    // the walk reads each partition 2 items a Query, only when its buffer runs dry
    const walk = walkOrders({ providerId }, q, 2);
    const walked = await countCalls(async () => {
      const pages: { ids: string[]; nextCursor: string | null }[] = [];
      for (;;) {
        const page = await walk.next(3);
        pages.push({ ids: ids(page), nextCursor: page.nextCursor });
        if (!page.nextCursor) return pages;
      }
    });
    expect(walked.result.flatMap((p) => p.ids)).toEqual([...made].reverse());
    expect(listed.result).toEqual([...made].reverse());
    expect(walked.result.map((p) => p.ids.length)).toEqual([3, 3, 1]);
    expect(walked.itemsRead).toBe(7);
    // 11 partitions, and once more each for the two that filled a Query of 2
    expect(walked.roundTrips).toBe(13);
    expect(listed.roundTrips).toBe(33);
    expect(listed.itemsRead).toBeGreaterThan(7);
    // a walk's cursor goes on in the list, as the export's next call does
    const rest = await listOrders({ providerId }, { ...q, cursor: walked.result[0].nextCursor!, limit: 10 });
    expect(ids(rest)).toEqual([...made].reverse().slice(3));
  });

  it('answers 400 naming tz for a zone that does not exist', async () => {
    const res = await invoke(exportOrders, { as: 'provider', query: { tz: 'Mars/Olympus' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('tz');
  });
});

const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

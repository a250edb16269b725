import { handler as create } from '../../functions/products/create';
import { handler as submit } from '../../functions/products/submit';
import { handler as approve } from '../../functions/operator/approve';
import { handler as reject } from '../../functions/operator/reject';
import { handler as delist } from '../../functions/products/delist';
import type { TestUser } from './global-setup';
import { productContent } from './fixtures';
import { invoke } from './http';

const must = (answer: { status: number; body: any }, status: number) => {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};

/** Drives a product through the real handlers to a status: draft, in_review, rejected, listed, delisted. */
export const productIn = async (
  status: 'draft' | 'in_review' | 'rejected' | 'listed' | 'delisted',
  owner: TestUser = 'provider',
  content: Record<string, unknown> = {},
) => {
  const product = must(await invoke(create, { as: owner, body: productContent(content) }), 201);
  const params = { productId: product.productId as string };
  if (status === 'draft') return product;
  const submitted = must(await invoke(submit, { as: owner, params }), 200);
  if (status === 'in_review') return submitted;
  const version = submitted.version as number;
  if (status === 'rejected') return must(await invoke(reject, { as: 'operator', params, body: { reason: 'incomplete', version } }), 200);
  const listed = must(await invoke(approve, { as: 'operator', params, body: { version } }), 200);
  if (status === 'listed') return listed;
  return must(await invoke(delist, { as: owner, params }), 200);
};

export { must };

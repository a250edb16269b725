import { orderCommands } from '../orders/commands';
import type { OrderAction } from '../orders/schemas';

export type Party = 'buyer' | 'provider' | 'operators';
export interface Text {
  zh: string;
  en: string;
}
export interface Message {
  title: Text;
  body: Text;
}

interface Facts {
  name: string;
  id: string;
  data: Record<string, unknown>;
}

const said = (data: Record<string, unknown>, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
const OUTCOME: Record<string, Text> = {
  completed: { zh: '已完成', en: 'completed' },
  cancelled: { zh: '取消并退款', en: 'cancelled with a refund' },
  implementing: { zh: '退回实施中', en: 'back to implementing' },
};

/** The wording of each order event, in Chinese with English beside it. */
const ORDER_MESSAGES: Partial<Record<OrderAction, (f: Facts) => Message>> = {
  create: (f) => ({
    title: { zh: '新订单', en: 'New order' },
    body: { zh: `买家购买了「${f.name}」（订单 ${f.id}）。`, en: `A buyer bought “${f.name}” (order ${f.id}).` },
  }),
  'submit-requirements': (f) => ({
    title: { zh: '买家已提交需求单', en: 'Requirements submitted' },
    body: { zh: `订单 ${f.id}「${f.name}」的需求单已提交，可以开始实施。`, en: `The buyer submitted the requirements of order ${f.id} (“${f.name}”).` },
  }),
  'reject-requirements': (f) => ({
    title: { zh: '需求单被驳回', en: 'Requirements rejected' },
    body: { zh: `服务商驳回了订单 ${f.id} 的需求单：${said(f.data, 'reason')}`, en: `The provider rejected the requirements of order ${f.id}: ${said(f.data, 'reason')}` },
  }),
  start: (f) => ({
    title: { zh: '服务商已开始实施', en: 'Work started' },
    body: { zh: `订单 ${f.id}「${f.name}」已开始实施。`, en: `The provider started work on order ${f.id} (“${f.name}”).` },
  }),
  complete: (f) => ({
    title: { zh: '服务商已实施完成，请确认', en: 'Work completed: please confirm' },
    body: { zh: `订单 ${f.id} 已实施完成：${said(f.data, 'note')}`, en: `The provider completed order ${f.id}: ${said(f.data, 'note')}` },
  }),
  urge: (f) => ({
    title: { zh: '服务商催促您确认完成', en: 'The provider asks you to confirm' },
    body: { zh: `请确认订单 ${f.id}「${f.name}」是否完成。`, en: `Please confirm whether order ${f.id} (“${f.name}”) is complete.` },
  }),
  confirm: (f) => ({
    title: { zh: '买家已确认完成', en: 'Completion confirmed' },
    body: { zh: `订单 ${f.id}「${f.name}」已完成。`, en: `The buyer confirmed order ${f.id} (“${f.name}”).` },
  }),
  'reject-completion': (f) => ({
    title: { zh: '买家驳回验收', en: 'Completion rejected' },
    body: { zh: `订单 ${f.id} 验收未通过：${said(f.data, 'reason')}`, en: `The buyer rejected the completion of order ${f.id}: ${said(f.data, 'reason')}` },
  }),
  cancel: (f) => ({
    title: { zh: '买家已取消订单（已退款）', en: 'Order cancelled (refunded)' },
    body: { zh: `订单 ${f.id}「${f.name}」已取消并全额退款。`, en: `The buyer cancelled order ${f.id} (“${f.name}”); it was refunded in full.` },
  }),
  appeal: (f) => ({
    title: { zh: '订单进入申诉', en: 'Order under appeal' },
    body: { zh: `订单 ${f.id} 已提交平台申诉：${said(f.data, 'reason')}`, en: `Order ${f.id} was appealed to the platform: ${said(f.data, 'reason')}` },
  }),
  resolve: (f) => {
    const outcome = OUTCOME[said(f.data, 'outcome')] ?? { zh: said(f.data, 'outcome'), en: said(f.data, 'outcome') };
    return {
      title: { zh: '平台已处理申诉', en: 'Appeal resolved' },
      body: { zh: `订单 ${f.id} 的申诉结果：${outcome.zh}。${said(f.data, 'note')}`, en: `The appeal of order ${f.id} was resolved: ${outcome.en}. ${said(f.data, 'note')}` },
    };
  },
  remind: (f) =>
    said(f.data, 'recipient') === 'provider'
      ? {
          title: { zh: '请尽快开始实施', en: 'Please start the work' },
          body: { zh: `订单 ${f.id}「${f.name}」等待实施已超过两天。`, en: `Order ${f.id} (“${f.name}”) has been waiting for you to start.` },
        }
      : {
          title: { zh: '请确认完成', en: 'Please confirm completion' },
          body: { zh: `订单 ${f.id}「${f.name}」等待您确认完成，逾期将自动确认。`, en: `Order ${f.id} (“${f.name}”) waits for your confirmation; it will be confirmed automatically.` },
        },
  'auto-confirm': (f) => ({
    title: { zh: '订单已自动确认完成', en: 'Order confirmed automatically' },
    body: { zh: `订单 ${f.id}「${f.name}」超时未确认，已自动完成。`, en: `Order ${f.id} (“${f.name}”) was not confirmed in time and is now complete.` },
  }),
  message: (f) => {
    const text = said(f.data, 'text');
    const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    return {
      title: { zh: '订单有新消息', en: 'New message on an order' },
      body: { zh: `订单 ${f.id}「${f.name}」：${excerpt}`, en: `Order ${f.id} (“${f.name}”): ${excerpt}` },
    };
  },
  'auto-cancel': (f) => ({
    title: { zh: '订单已自动取消（已退款）', en: 'Order cancelled automatically (refunded)' },
    body: { zh: `订单 ${f.id}「${f.name}」超时未实施，已自动取消并全额退款。`, en: `Order ${f.id} (“${f.name}”) was not started in time; it was cancelled and refunded.` },
  }),
};

/**
 * Who hears of an order event: what the command declares (lib/orders/commands: the operators of an
 * appeal, the recipient of a reminder); else the other party of a person's step, both after the platform's own.
 */
export const orderRecipients = (action: OrderAction, role: string, data: Record<string, unknown>): Party[] => {
  const declared = action === 'create' ? undefined : orderCommands[action].notifies;
  if (declared) return declared(role, data);
  if (role === 'buyer') return ['provider'];
  if (role === 'provider') return ['buyer'];
  return ['buyer', 'provider'];
};

export const orderMessage = (action: OrderAction, facts: Facts): Message | undefined => ORDER_MESSAGES[action]?.(facts);

/**
 * Review decisions reach the provider; a submission reaches the operators who review it; a provider's
 * other product steps (withdraw, delist) notify nobody.
 */
export const productNotice = (action: string, facts: Facts): { to: Party; type: string; message: Message } | undefined => {
  if (action === 'approve') {
    return {
      to: 'provider',
      type: 'approved',
      message: {
        title: { zh: '商品审核通过', en: 'Product approved' },
        body: { zh: `「${facts.name}」已通过审核并上架。`, en: `“${facts.name}” was approved and is listed.` },
      },
    };
  }
  if (action === 'reject') {
    return {
      to: 'provider',
      type: 'rejected',
      message: {
        title: { zh: '商品审核驳回', en: 'Product rejected' },
        body: { zh: `「${facts.name}」未通过审核：${said(facts.data, 'reason')}`, en: `“${facts.name}” was rejected: ${said(facts.data, 'reason')}` },
      },
    };
  }
  if (action === 'takedown') {
    return {
      to: 'provider',
      type: 'taken-down',
      message: {
        title: { zh: '商品已被平台下架', en: 'Product taken down by the platform' },
        body: {
          zh: `「${facts.name}」因违规被平台下架：${said(facts.data, 'reason')}`,
          en: `“${facts.name}” was taken down by the platform: ${said(facts.data, 'reason')}`,
        },
      },
    };
  }
  if (action === 'submit') {
    return {
      to: 'operators',
      type: 'submitted',
      message: {
        title: { zh: '新的商品待审核', en: 'A product waits for review' },
        body: { zh: `「${facts.name}」已提交审核。`, en: `“${facts.name}” was submitted for review.` },
      },
    };
  }
  return undefined;
};

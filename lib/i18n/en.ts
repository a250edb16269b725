import { MEMBER_ROLE_LABELS, type MemberRole } from '../providers/roles';
import type { ActionName, DeliveryStatus, RateName, Role, ScalarType, StatusName, Thing } from './terms';

/** English names of the terms the texts below take as parameters. */
const ACTIONS: Record<ActionName, string> = {
  'submit-requirements': 'submit requirements',
  'reject-requirements': 'reject the requirements',
  start: 'start the work',
  complete: 'complete the work',
  urge: 'urge the buyer',
  confirm: 'confirm completion',
  'reject-completion': 'reject the completion',
  cancel: 'cancel the order',
  appeal: 'appeal',
  resolve: 'resolve the dispute',
  remind: 'remind',
  'auto-confirm': 'auto-confirm',
  'auto-cancel': 'auto-cancel',
  message: 'post a message',
  edit: 'edit the product',
  submit: 'submit the product for review',
  withdraw: 'withdraw the review',
  approve: 'approve the product',
  reject: 'reject the product',
  delist: 'delist the product',
  takedown: 'take the product down',
  rate: 'rate the order',
  'add-attachment': 'add an attachment',
  reveal: 'reveal the redemption codes',
  // SaaS orders
  provision: 'provision the instance',
  'saas-call': 'call the SaaS endpoint',
  renew: 'renew',
  'change-plan': 'change the plan',
  refund: 'ask for a refund',
  expire: 'expire the instance',
  destroy: 'destroy the instance',
};

/** What a rate limit counts, in a sentence. */
const RATES: Record<RateName, string> = { orders: 'orders', products: 'products', messages: 'messages', uploads: 'upload grants', 'webhook-sends': 'test pings or redeliveries', invitations: 'invitations' };

/** A status in an English sentence is its canonical name, as the API's `status` fields spell it. */
const status = (s: StatusName | DeliveryStatus) => s;

const THINGS: Record<Thing, string> = {
  product: 'The product',
  order: 'The order',
  rating: 'The rating',
  notification: 'The notification',
  delivery: 'The delivery',
  webhook: 'A webhook endpoint',
  resource: 'The resource',
  attachment: 'The attachment',
  saasEndpoint: 'A SaaS endpoint',
  saasCall: 'The SaaS call',
  // members, invitations and suspension
  member: 'The member',
  invitation: 'The invitation',
  organisation: 'The provider organisation',
  application: 'The provider application',
};

interface Named {
  name: string;
  id: string;
}

/**
 * The reference texts: every problem title and detail, field message and notification the API writes,
 * by key. The Chinese catalogue (zh.ts) is typed by this one, so a key or a parameter missing there fails
 * the type check.
 */
export const en = {
  // ---- problem titles, one per kind of refusal
  'title.validation': 'Invalid request',
  'title.badRequest': 'Bad request',
  'title.unauthenticated': 'Unauthenticated',
  'title.forbidden': 'Forbidden',
  'title.conflictOfInterest': 'Conflict of interest',
  'title.notFound': 'Not found',
  'title.conflict': 'Conflict',
  'title.throttled': 'Too many requests',
  'title.serviceUnavailable': 'Service unavailable',
  'title.temporarilyUnavailable': 'Temporarily unavailable',
  'title.internal': 'Internal error',
  'title.gone': 'Gone',

  // ---- problem details
  'detail.invalidFields': 'The request has invalid fields.',
  'detail.tokenRequired': 'A valid bearer access token is required.',
  'detail.tokenInvalid': 'The access token is invalid or expired.',
  'detail.issuerUnreachable': 'The token issuer cannot be reached to check the token; try again shortly.',
  'detail.roleForbidden': 'Your role may not perform this action.',
  'detail.rolesOnly': (p: { roles: readonly Role[] }) => `This action is for ${p.roles.join(' or ')} accounts.`,
  // provider organisations: the acting organisation and member roles
  'detail.providerIdRequired': 'You belong to several provider organisations: name the one you act for in the Provider-Id header.',
  'detail.memberRoleForbidden': (p: { roles: readonly MemberRole[] }) =>
    `Your member role may not take this action; it is for ${p.roles.map((r) => MEMBER_ROLE_LABELS[r].en).join(', ')}.`,
  'detail.notFound': (p: { thing: Thing }) => `${THINGS[p.thing]} was not found.`,
  'detail.noSuchPlan': (p: { planId: string }) => `The product has no plan ${p.planId}.`,
  'detail.invalidCursor': 'The cursor was not issued for this list.',
  'detail.invalidState': (p: { action: ActionName; status: StatusName }) =>
    `Cannot ${ACTIONS[p.action]} while the status is ${status(p.status)}.`,
  'detail.concurrentUpdate': 'Another change to this item is in progress; try again.',
  'detail.idempotencyKeyReused': 'This Idempotency-Key was already used with a different request body.',
  'detail.orderChanged': 'The order changed meanwhile; read it again.',
  'detail.ratingChanged': 'The rating changed meanwhile; read it again.',
  'detail.productChanged': (p: { version: number; current: number }) =>
    `The product changed since version ${p.version}; it is now version ${p.current}.`,
  'detail.alreadyRated': 'This order has already been rated.',
  'detail.ratingEditWindowClosed': 'A rating can be edited within 7 days of being given.',
  'detail.alreadyReplied': 'This rating already has a reply.',
  'detail.productWasListed': 'A product that was ever listed cannot be deleted; delist it instead.',
  'detail.productRevised': 'The product was updated a moment ago: look at it again before buying.',
  'detail.productNotListed': 'The product is not listed and cannot be bought.',
  'detail.attachmentAltered': 'The stored file is no longer the one checked when it was first referenced, so it is not served.',
  'detail.tooManyAttachments': (p: { max: number }) => `Each party may add at most ${p.max} attachments to an order.`,
  'detail.webhookDisabled': 'The endpoint is disabled; enable it with PUT /provider/webhook first.',
  'detail.deliveryNotFailed': (p: { status: DeliveryStatus }) =>
    `Only a failed or gone delivery is sent again; this one is ${status(p.status)}.`,
  'detail.requirementsMissing': 'The product needs the buyer’s requirements before work starts.',
  'detail.requirementsNotSubmitted': 'There are no submitted requirements to reject.',
  'detail.appealNotEligible': 'An appeal needs the other party’s step to have stalled, or repeated rejected completions.',
  'detail.urgedRecently': 'The buyer was urged recently; urge again later.',
  'detail.ownProduct': 'Nobody may buy a product of an organisation they belong to.',
  'detail.operatorOwnProduct': 'An operator never decides on, or takes down, a product of an organisation they belong to.',
  'detail.operatorOwnOrder': 'An operator may not settle an order they bought or one of an organisation they belong to.',
  'detail.rateLimited': (p: { limit: number; name: RateName; seconds: number }) =>
    `At most ${p.limit} ${RATES[p.name]} per ${p.seconds} seconds; try again later.`,
  'detail.requirementsMismatch': 'The requirements do not match the product’s form.',
  'detail.foreignAttachments': 'Only attachments uploaded to this order can be referenced.',
  'detail.attachmentMismatch': 'An attachment does not match its upload grant.',
  'detail.busy': 'The service is busy; try again shortly.',
  'detail.refundPeriodOver': 'A refund can be asked for within 5 days of the purchase only.',
  'detail.samePlan': 'The order already has this plan.',
  'detail.storageUnavailable': 'File storage is unavailable; try again shortly.',
  'detail.mailUnavailable': 'Email cannot be sent right now; try again shortly.',
  'detail.internal': 'Something went wrong on our side.',

  // ---- members, invitations and suspension
  'detail.providerSuspended': 'The provider organisation is suspended: it cannot create, submit or sell products until it is reinstated.',
  'detail.alreadySuspended': 'The organisation is already suspended.',
  'detail.notSuspended': 'The organisation is not suspended.',
  'detail.operatorOwnOrganisation': 'An operator never suspends or reinstates an organisation they belong to.',
  'detail.lastAdmin': 'An organisation keeps at least one administrator: appoint another one before removing or demoting this one.',
  'detail.memberChanged': 'The member’s role changed meanwhile; read the team again.',
  'detail.alreadyMember': 'This person is already a member of the organisation.',
  'detail.invitationUsed': 'This invitation has already been accepted.',
  'detail.invitationRevoked': 'This invitation was revoked by the organisation.',
  'detail.invitationExpired': 'This invitation has expired; ask the administrator for a new one.',
  'detail.invitationEmail': 'This invitation was sent to another email address; sign in with the invited email’s account to accept it.',
  'detail.invitationNotPending': 'Only a pending invitation can be revoked.',
  'detail.invitationMailFailed': 'The invitation email could not be sent, so no invitation was made; try again shortly.',

  // ---- field messages written by the domain (zod's own come from its locale)
  'field.nestedTooDeep': (p: { max: number }) => `nested deeper than ${p.max} levels`,
  'field.notJson': 'the body is not valid JSON',
  'field.unknownKeys': (p: { keys: readonly string[] }) => `unknown field(s): ${p.keys.join(', ')}`,
  'field.unknownCursor': 'unknown cursor',
  'field.providerIdRequired': 'name one of your organisations',
  'field.notInForm': 'not a field of the requirements form',
  'field.required': (p: { label: string }) => `${p.label} is required`,
  'field.oneOf': (p: { label: string; options: readonly string[] }) => `${p.label} must be one of ${p.options.join(', ')}`,
  'field.orderAttachment': (p: { label: string }) => `${p.label} must be an attachment uploaded to this order`,
  'field.ofType': (p: { label: string; type: ScalarType }) => `${p.label} must be a ${p.type}`,
  'field.notPlan': 'not a plan of this product',
  'field.notOrderAttachment': 'not an attachment of this order',
  'field.uploadChanged': 'the upload changed while it was being checked; reference it again',
  'field.uploadMissing': 'the upload of this attachment never arrived',
  'field.uploadTooLarge': (p: { stored: number; granted: number }) =>
    `the uploaded file (${p.stored} bytes) is larger than the ${p.granted} bytes granted`,
  'field.uploadOtherType': (p: { stored?: string; granted: string }) =>
    `the uploaded file is ${p.stored ?? 'untyped'}, not the ${p.granted} granted`,
  'field.notUrl': 'not a URL',
  'field.urlCredentials': 'credentials in the URL are not allowed',
  'field.hostUnresolved': (p: { host: string }) => `${p.host} does not resolve`,
  'field.privateAddress': 'the URL resolves to a private, loopback or link-local address',
  'field.httpsOnly': 'the URL must use https',
  'field.disallowedAddress': (p: { host: string }) => `${p.host} resolves to a disallowed address`,
  'field.fromAfterTo': 'from must not be after to',
  'field.toBeforeFrom': 'to must not be before from',
  'field.periodTooLong': (p: { days: number }) => `a period is at most ${p.days} days`,
  'field.createdOrder': 'createdTo must not be before createdFrom',
  'field.completedOrder': 'completedTo must not be before completedFrom',
  'field.timeZone': 'not an IANA time zone, e.g. Asia/Shanghai',
  'field.answerNumber': 'a number of at most 2^53−1 in magnitude, and 0 or at least 1e-6',
  'field.answersAtMost': (p: { max: number }) => `at most ${p.max} answers`,
  'field.dateRange': 'must be between 1970 and 9999 in UTC',
  'field.dayRange': 'must be a day from 1970-01-01 to 9999-12-31',
  'field.ratingOrComment': 'send rating or comment',
  'field.noControlCharacters': 'must not hold control or text-direction characters',
  'field.noControlCharactersInText': 'must not hold control or text-direction characters (line breaks and tabs are fine)',
  'field.malformedText': 'not well-formed Unicode text (half of a surrogate pair on its own)',
  'field.visibleCharacters': 'must hold visible characters',
  // ---- people (profiles)
  'field.mobile': 'must be a mainland mobile number: 11 digits starting with 13–19',
  'field.priceAboveList': 'price must not exceed listPrice',
  'field.selectNeedsOptions': 'a select field needs options',
  'field.uniquePlanIds': 'planId values must be unique',
  'field.deliveryForType': 'this delivery is not offered for the service type: "manual" for every type, "saas" for "saas", "software" and "api", "code" for "software" and "api"',
  'field.noFileFieldForSaas': 'a SaaS product’s form is answered when buying, before there is an order to upload to: it cannot have file fields',
  'field.uniqueFieldKeys': 'field keys must be unique',
  'field.templateBytes': (p: { max: number }) => `at most ${p.max} bytes of labels and options in all`,
  'field.someChange': 'send at least one field to change',
  'field.contentType': (p: { kinds: readonly string[]; types: readonly string[] }) =>
    `one of ${p.kinds.join(', ')} (${p.types.join(', ')})`,
  'field.attachmentsRepeat': 'attachments must not repeat',
  'field.notUserId': 'not a user id',
  'field.notOrderId': 'not an order id',
  'field.notProductId': 'not a product id',
  'field.notAttachmentId': 'not an attachment id',
  'field.planIdShape': 'letters, digits, _ or -, at most 40',
  'field.fieldKeyShape': 'a letter then letters, digits or _, at most 40',
  'field.fileName': 'a file name without slashes or control characters',
  'field.fileExtension': (p: { type: string; extensions: readonly string[] }) =>
    `a file of type ${p.type} is named *.${p.extensions.join(', *.')}`,
  'field.attachmentSize': (p: { max: number }) => `at most ${p.max / 1024 / 1024} MB (${p.max} bytes)`,

  // ---- notifications (stored in both languages when written; the inbox shows the reader's)
  'notice.order.create.title': 'New order',
  'notice.order.create.body': (p: Named) => `A buyer bought “${p.name}” (order ${p.id}).`,
  'notice.order.submit-requirements.title': 'Requirements submitted',
  'notice.order.submit-requirements.body': (p: Named) => `The buyer submitted the requirements of order ${p.id} (“${p.name}”).`,
  'notice.order.reject-requirements.title': 'Requirements rejected',
  'notice.order.reject-requirements.body': (p: Named & { reason: string }) =>
    `The provider rejected the requirements of order ${p.id}: ${p.reason}`,
  'notice.order.start.title': 'Work started',
  'notice.order.start.body': (p: Named) => `The provider started work on order ${p.id} (“${p.name}”).`,
  'notice.order.complete.title': 'Work completed: please confirm',
  'notice.order.complete.body': (p: Named & { note: string }) => `The provider completed order ${p.id}: ${p.note}`,
  'notice.order.urge.title': 'The provider asks you to confirm',
  'notice.order.urge.body': (p: Named) => `Please confirm whether order ${p.id} (“${p.name}”) is complete.`,
  'notice.order.confirm.title': 'Completion confirmed',
  'notice.order.confirm.body': (p: Named) => `The buyer confirmed order ${p.id} (“${p.name}”).`,
  'notice.order.reject-completion.title': 'Completion rejected',
  'notice.order.reject-completion.body': (p: Named & { reason: string }) =>
    `The buyer rejected the completion of order ${p.id}: ${p.reason}`,
  'notice.order.cancel.title': 'Order cancelled (refunded)',
  'notice.order.cancel.body': (p: Named) => `The buyer cancelled order ${p.id} (“${p.name}”); it was refunded in full.`,
  'notice.order.appeal.title': 'Order under appeal',
  'notice.order.appeal.body': (p: Named & { reason: string }) => `Order ${p.id} was appealed to the platform: ${p.reason}`,
  'notice.order.resolve.title': 'Appeal resolved',
  'notice.order.resolve.body': (p: Named & { outcome: string; note: string }) =>
    `The appeal of order ${p.id} was resolved: ${({ completed: 'completed', cancelled: 'cancelled with a refund', implementing: 'back to implementing' } as Record<string, string>)[p.outcome] ?? p.outcome}. ${p.note}`,
  'notice.order.remind-provider.title': 'Please start the work',
  'notice.order.remind-provider.body': (p: Named) => `Order ${p.id} (“${p.name}”) has been waiting for you to start.`,
  'notice.order.remind-buyer.title': 'Please confirm completion',
  'notice.order.remind-buyer.body': (p: Named) =>
    `Order ${p.id} (“${p.name}”) waits for your confirmation; it will be confirmed automatically.`,
  'notice.order.auto-confirm.title': 'Order confirmed automatically',
  'notice.order.auto-confirm.body': (p: Named) => `Order ${p.id} (“${p.name}”) was not confirmed in time and is now complete.`,
  'notice.order.message.title': 'New message on an order',
  'notice.order.message.body': (p: Named & { excerpt: string }) => `Order ${p.id} (“${p.name}”): ${p.excerpt}`,
  'notice.order.auto-cancel.title': 'Order cancelled automatically (refunded)',
  'notice.order.auto-cancel.body': (p: Named) => `Order ${p.id} (“${p.name}”) was not started in time; it was cancelled and refunded.`,
  'notice.order.provision.title': 'SaaS instance ready',
  'notice.order.provision.body': (p: Named) => `The instance of order ${p.id} (“${p.name}”) is ready to sign in to.`,
  'notice.order.renew.title': 'SaaS instance renewed',
  'notice.order.renew.body': (p: Named & { periods: string }) => `Order ${p.id} (“${p.name}”) was renewed for ${p.periods} more period(s).`,
  'notice.order.change-plan.title': 'SaaS plan changed',
  'notice.order.change-plan.body': (p: Named & { plan: string; difference: string }) =>
    `Order ${p.id} (“${p.name}”) moved to plan ${p.plan}${
      p.difference === '' || Number(p.difference) === 0 ? '' : p.difference.startsWith('-') ? `; difference refunded ¥${p.difference.slice(1)}` : `; difference paid ¥${p.difference}`
    }.`,
  'notice.order.refund.title': 'Order refunded at the buyer’s request',
  'notice.order.refund.body': (p: Named & { reason: string }) => `Order ${p.id} (“${p.name}”) was refunded; its instance will be destroyed: ${p.reason}`,
  'notice.order.expire.title': 'SaaS instance expired',
  'notice.order.expire.body': (p: Named) => `The instance of order ${p.id} (“${p.name}”) expired; renew within 7 days to keep it.`,
  'notice.order.destroy.title': 'SaaS instance destroyed',
  'notice.order.destroy.body': (p: Named) => `The instance of order ${p.id} (“${p.name}”) was destroyed 7 days after it expired.`,
  'notice.product.approve.title': 'Product approved',
  'notice.product.approve.body': (p: Named) => `“${p.name}” was approved and is listed.`,
  'notice.product.reject.title': 'Product rejected',
  'notice.product.reject.body': (p: Named & { reason: string }) => `“${p.name}” was rejected: ${p.reason}`,
  'notice.product.takedown.title': 'Product taken down by the platform',
  'notice.product.takedown.body': (p: Named & { reason: string }) => `“${p.name}” was taken down by the platform: ${p.reason}`,
  // redemption codes: a plan's stock fell below the low-stock mark
  'notice.product.low-stock.title': 'Redemption codes running low',
  'notice.product.low-stock.body': (p: Named & { plan: string; available: string; mark: string }) =>
    `Only ${p.available} redemption codes are left for the plan “${p.plan}” of “${p.name}” (fewer than ${p.mark}): upload more.`,
  // members, invitations and suspension
  'notice.provider.suspended.title': 'Your organisation was suspended',
  'notice.provider.suspended.body': (p: Named & { reason: string }) =>
    `The platform suspended “${p.name}”: ${p.reason}. Its products are out of the catalogue until it is reinstated; existing orders go on.`,
  'notice.provider.reinstated.title': 'Your organisation was reinstated',
  'notice.provider.reinstated.body': (p: Named) => `The platform reinstated “${p.name}”: its listed products are back in the catalogue.`,
  'notice.product.submit.title': 'A product waits for review',
  'notice.product.submit.body': (p: Named) => `“${p.name}” was submitted for review.`,

  // ---- the order export's column headers
  'export.column.orderId': 'Order ID',
  'export.column.productName': 'Product',
  'export.column.plan': 'Plan',
  'export.column.quantity': 'Quantity',
  'export.column.unitPrice': 'Unit price (CNY)',
  'export.column.amount': 'Amount (CNY)',
  'export.column.providerStatus': 'Provider status',
  'export.column.buyerStatus': 'Buyer status',
  'export.column.buyer': 'Buyer',
  'export.column.createdAt': 'Purchased at',
  'export.column.startedAt': 'Started at',
  'export.column.completedAt': 'Completed at',
  'export.column.refund': 'Refund (CNY)',
  'export.column.deliveryNote': 'Delivery note',

  // ---- why the platform stopped sending to a webhook endpoint
  'webhook.disabled.gone': 'The endpoint answered 410 Gone.',

  // ---- status labels
  'status.organisation.active': 'Active',
  'status.organisation.suspended': 'Suspended',
  'status.product.draft': 'Draft',
  'status.product.in_review': 'In review',
  'status.product.rejected': 'Rejected',
  'status.product.listed': 'Listed',
  'status.product.delisted': 'Delisted',
  // an order's status as each party names it (服务商端 / 用户端)
  'status.order.provider.awaiting_start': 'Awaiting start',
  'status.order.provider.implementing': 'Implementing',
  'status.order.provider.awaiting_confirmation': 'Awaiting buyer confirmation',
  'status.order.provider.completed': 'Completed',
  'status.order.provider.cancelled': 'Cancelled (refunded)',
  'status.order.provider.disputed': 'In dispute',
  'status.order.buyer.requirements_needed': 'Requirements needed',
  'status.order.buyer.awaiting_start': 'Awaiting provider',
  'status.order.buyer.implementing': 'Implementing',
  'status.order.buyer.awaiting_confirmation': 'Awaiting your confirmation',
  'status.order.buyer.completed': 'Completed',
  'status.order.buyer.cancelled': 'Cancelled (refunded)',
  'status.order.buyer.disputed': 'In dispute',
  // 兑换码交付
  'status.order.provider.delivered': 'Delivered',
  'status.order.buyer.delivered': 'Delivered',
  // SaaS orders: both parties name them alike
  'status.order.provider.provisioning': 'Provisioning',
  'status.order.provider.active': 'Active',
  'status.order.provider.expired': 'Expired',
  'status.order.provider.destroyed': 'Destroyed',
  'status.order.buyer.provisioning': 'Provisioning',
  'status.order.buyer.active': 'Active',
  'status.order.buyer.expired': 'Expired',
  'status.order.buyer.destroyed': 'Destroyed',

  // ---- SaaS 接入 (lib/saas/)
  'detail.saasEndpointRefused': (p: { reason: string; answer: string }) =>
    `The endpoint did not pass verifyInterface (${p.reason}); it answered: ${p.answer}`,
  'field.saasEndpointRefused': (p: { reason: string }) => `the endpoint did not pass verifyInterface: ${p.reason}`,
  'field.saasTokenShape': 'visible ASCII characters without spaces',
  'detail.saasCallNotFailed': 'Only a failed call can be sent again.',
  'detail.saasChecksMissing': (p: { actions: string }) =>
    `A SaaS product is submitted only after 接口调试 passed against the saved endpoint; still missing: ${p.actions}.`,

  // ---- Redemption codes (兑换码交付)
  'field.codeShape': 'a code is 4–200 characters with no space or control character',
  'field.codeRepeated': 'this code is already in the list',
  'field.codeUploaded': 'this code was already uploaded for this product',
  'detail.codesUploaded': (p: { count: number }) => `${p.count} of the codes were already uploaded for this product; nothing was added.`,
  'detail.codesPartlyUploaded': (p: { added: number }) => `The same codes were being uploaded at the same time: ${p.added} codes before them were added, these were not.`,
  'detail.notCodeDelivery': 'Redemption codes belong to products delivered by code.',
  'detail.soldOut': (p: { available: number }) => `Not enough redemption codes left for this plan (${p.available} available).`,
  // ---- provider applications (入驻)
  'detail.creditCodeTaken': 'An organisation with this credit code already exists.',
  'detail.applicationState': (p: { action: 'edit' | 'withdraw' | 'approve' | 'reject'; status: string }) =>
    `Cannot ${({ edit: 'edit the application', withdraw: 'withdraw the application', approve: 'approve the application', reject: 'reject the application' })[p.action]} while it is ${p.status}.`,
  'detail.applicationChanged': (p: { version: number; current: number }) =>
    `The application changed since version ${p.version}; it is now version ${p.current}.`,
  'detail.operatorOwnApplication': 'An operator never decides on their own application.',
  'detail.licenceMismatch': 'The licence does not match its upload grant.',
  'field.creditCodeShape': '18 characters: digits and capital letters other than I, O, Z, S, V',
  'field.creditCodeCheck': 'not a valid unified social credit code (its check character does not match)',
  'field.mobilePhone': 'a mainland mobile number: 11 digits starting with 13–19',
  'field.serviceTypesRepeat': 'service types must not repeat',
  'field.notLicenceId': 'not a licence id',
  'field.unknownLicence': 'no licence upload of yours has this id: upload the licence first',
  'notice.application.approve.title': 'Provider application approved',
  'notice.application.approve.body': (p: Named) => `“${p.name}” was approved: you are now the administrator of the organisation.`,
  'notice.application.reject.title': 'Provider application rejected',
  'notice.application.reject.body': (p: Named & { reason: string }) => `The application of “${p.name}” was rejected: ${p.reason}. Edit it and submit again.`,
  'status.application.pending': 'Pending review',
  'status.application.approved': 'Approved',
  'status.application.rejected': 'Rejected',
  'status.application.withdrawn': 'Withdrawn',
  // Names, not ids (spec 2.1): who the timeline names for the platform's own steps
  'names.platform': 'The platform',
  // ---- Operator search by organisation name, credit code and email
  'field.tooManyOrganisations': (p: { max: number }) =>
    `matches more than ${p.max} organisations: type more of the name, or pick one in Providers`,
  'names.operator': 'Operator',
};

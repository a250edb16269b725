import { z } from 'zod';
import { fieldMessage, msg } from '../i18n';
import { ID_PATTERN } from '../shared/id-pattern';

/** At most this many codes per upload (spec 3.1). */
export const MAX_CODES_PER_UPLOAD = 1000;
/** A provider is told when a purchase takes a plan below this many available codes. */
export const LOW_STOCK = 10;

/** 4–200 characters, none of them a space, a control, format or unassigned character: what a person can read and type. */
const CODE = /^[^\s\p{C}]{4,200}$/u;

const code = z
  .string()
  .trim()
  .refine((c) => CODE.test(c), { message: fieldMessage(msg('field.codeShape')) });

export const planIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, fieldMessage(msg('field.planIdShape')));

/** POST /provider/products/{productId}/codes: codes for one plan; a code twice in the body is named by its later index. */
export const uploadCodesBody = z
  .object({
    planId: planIdSchema,
    codes: z.array(code).min(1).max(MAX_CODES_PER_UPLOAD),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.codes.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['codes', i], message: fieldMessage(msg('field.codeRepeated')) });
      seen.add(c);
    });
  });
export type UploadCodesInput = z.infer<typeof uploadCodesBody>;

export const codesQuery = z.object({
  planId: planIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

export const productIdParams = z.object({ productId: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notProductId'))) });

// ---- Stored items

/**
 * A plan's codes: `stock` uploaded (numbered 1..stock); `taken` slots handed out to purchases (1..taken, each
 * once); `left` = stock − taken, the condition a purchase's reservation holds to (a counter needs no exact read).
 */
export const stockItemSchema = z.object({
  productId: z.string(),
  planId: z.string(),
  stock: z.number().int(),
  taken: z.number().int(),
  left: z.number().int(),
  updatedAt: z.string(),
});
export type PlanStock = z.infer<typeof stockItemSchema>;

export const codeItemSchema = z.object({
  productId: z.string(),
  planId: z.string(),
  seq: z.number().int(),
  /** The code, sealed (lib/shared/secret-box) with its slot as context. */
  sealed: z.string(),
  /** What the provider's support view shows of it. */
  hint: z.string(),
  at: z.string(),
});
export type CodeItem = z.infer<typeof codeItemSchema>;

export const saleItemSchema = z.object({
  productId: z.string(),
  planId: z.string(),
  /** null: slots handed out to a purchase that did not commit (void). */
  orderId: z.string().nullable(),
  first: z.number().int(),
  count: z.number().int(),
  at: z.string(),
});
export type SaleItem = z.infer<typeof saleItemSchema>;

export const codeHashItemSchema = z.object({ productId: z.string(), planId: z.string(), seq: z.number().int() });
export const codeKeyItemSchema = z.object({ productId: z.string(), sealedKey: z.string() });

/** The slots of an order's codes: codes first..first+count−1 of its plan. */
export const codeSlotsSchema = z.object({ first: z.number().int(), count: z.number().int() });
export type CodeSlots = z.infer<typeof codeSlotsSchema>;

// ---- Views

export const planStockView = z
  .object({
    planId: z.string(),
    name: z.string().meta({ description: 'the plan’s name in the content being edited or, else, the live one' }),
    stock: z.number().int().meta({ description: 'codes uploaded' }),
    sold: z.number().int().meta({ description: 'codes handed out to purchases (a refunded order’s codes stay out: void)' }),
    available: z.number().int(),
  })
  .meta({ id: 'PlanCodeStock' });

export const codeView = z
  .object({
    seq: z.number().int().meta({ description: 'the code’s number in its plan (upload order)' }),
    masked: z.string().meta({ description: 'the code masked but for its last 4 characters (fewer for a short code)' }),
    orderId: z.string().nullable().meta({ description: 'the order that got it, or null while available' }),
    soldAt: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'RedemptionCode' });

export const codesView = z
  .object({
    productId: z.string(),
    plans: z.array(planStockView),
    planId: z.string().nullable().meta({ description: 'the plan whose codes are listed' }),
    items: z.array(codeView),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ProductCodes' });
export type CodesView = z.infer<typeof codesView>;

export const uploadAnswerView = z
  .object({ productId: z.string(), planId: z.string(), added: z.number().int(), stock: z.number().int(), available: z.number().int() })
  .meta({ id: 'CodesUploaded' });

import { z } from 'zod';
import { fieldMessage, msg } from '../i18n';
import { BIDI, CONTROL, hasVisible } from '../shared/text';
import { MEMBER_ROLES } from '../providers/roles';
import { MAIL_LOCALES } from '../mail/template';
import { DISPLAY_NAME_MAX, EMAIL_KINDS, MOBILE_PATTERN } from './model';

export const localeSchema = z.enum(MAIL_LOCALES);

/** A display name as people type it: one line, trimmed, 1–30 characters, something visible. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(DISPLAY_NAME_MAX)
  .refine((s) => !/[\n\r\t]/.test(s) && !CONTROL.test(s) && !BIDI.test(s), { message: fieldMessage(msg('field.noControlCharacters')) })
  .refine(hasVisible, { message: fieldMessage(msg('field.visibleCharacters')) });

const emailPreferences = z
  .array(z.enum(EMAIL_KINDS))
  .max(EMAIL_KINDS.length)
  .meta({ description: 'the notification kinds (a notification’s `type`) that also come by email; the inbox always gets every one' });

export const profileSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  phone: z.string().optional(),
  locale: localeSchema,
  emailPreferences: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/** `PUT /me`: the editable fields, all of them (`phone` absent or null removes it). */
export const putMeBody = z
  .strictObject({
    displayName: displayNameSchema,
    phone: z.string().regex(MOBILE_PATTERN, fieldMessage(msg('field.mobile'))).nullable().optional(),
    locale: localeSchema,
    emailPreferences,
  })
  .meta({ id: 'PutMe' });
export type PutMeBody = z.infer<typeof putMeBody>;

// ---- Views

export const meView = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    phone: z.string().optional(),
    locale: localeSchema,
    emailPreferences: z.array(z.string()),
    roles: z.array(z.string()).meta({ description: 'what the person may act as: `buyer` always, `provider` with a membership, `operator`' }),
    organisations: z
      .array(z.object({ providerId: z.string(), name: z.string(), role: z.enum(MEMBER_ROLES) }))
      .meta({ description: 'every organisation the person belongs to, with their member role' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Me' });
export type MeView = z.infer<typeof meView>;

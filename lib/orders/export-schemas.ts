import { z } from 'zod';
import { orderListQuery } from './schemas';
import { fieldMessage, msg } from '../i18n';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The order list's filters, plus the time zone of the exported times (IANA name, default Asia/Shanghai). */
export const exportQuery = orderListQuery.safeExtend({
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: fieldMessage(msg('field.timeZone')) })
    .default('Asia/Shanghai'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

import { z } from 'zod';
import type { LocalDate } from './calendar/local-date';

// Issue 18 part 5: the 二代身份证 reader at intake. The reader's vendor ships a small service on
// the hall PC; main calls it (electron/services/id-card/), the renderer never does. What main and
// the settings form must agree on lives here once: where that service listens, and what a read
// hands the intake form.

/** The local services the terminal speaks; each is one adapter file in electron/services/id-card/. */
export const idCardVendors = ['zkidronline'] as const;
export type IdCardVendor = (typeof idCardVendors)[number];

/**
 * ZKTeco's ZKIDROnline answers at http://127.0.0.1:24010/ZKIDROnline out of the box; the manager
 * changes it only when the hall installed the service on another port.
 */
export const defaultIdCardReader = {
  vendor: 'zkidronline',
  host: '127.0.0.1',
  port: 24010,
  path: '/ZKIDROnline',
} as const satisfies IdCardReaderSettings;

// Loopback only. The reader's service speaks plain HTTP with no authentication: pointed at
// another machine, the card — name, number, photo — would cross the hall's network in clear, and
// any PC there could pose as the reader and type an applicant into the form. The reader is a USB
// device on this very PC, so its service always runs here.
const loopbackHosts = ['127.0.0.1', 'localhost', '::1'] as const;

export const idCardReaderSettingsSchema = z.object({
  vendor: z.enum(idCardVendors, { error: '请选择读卡器的服务类型' }),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .transform((h) => (h === '[::1]' ? '::1' : h))
    .refine((h) => (loopbackHosts as readonly string[]).includes(h), {
      error: '读卡器服务只能在本机：请填 127.0.0.1 或 localhost（身份证信息不经网络传输）',
    }),
  port: z
    .number({ error: '请输入 1–65535 之间的端口号' })
    .int('请输入 1–65535 之间的端口号')
    .min(1, '请输入 1–65535 之间的端口号')
    .max(65535, '请输入 1–65535 之间的端口号'),
  path: z
    .string()
    .trim()
    .max(100, '路径不能超过100个字符')
    .regex(/^\/[A-Za-z0-9._\-/]*$/, '路径须以 / 开头，只含字母、数字和 . _ - /'),
});
export type IdCardReaderSettings = z.infer<typeof idCardReaderSettingsSchema>;

/** host:port as the clerk is told to check it (an IPv6 host in brackets). */
export function readerAddress(s: Pick<IdCardReaderSettings, 'host' | 'port'>): string {
  return `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`;
}

/**
 * What a read hands the intake form — only what the case needs (name and number) and what the
 * clerk needs to look at before typing nothing by hand (the photo, to compare faces, and whether
 * the card is still valid). Sex, nation, birth, address and issuing authority stay in main and
 * are dropped there (PIPL: only what the case needs). The photo is a data: URL for an <img>; it
 * is never stored nor sent anywhere.
 */
export const idCardReadSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  /** 有效期限: the first day; null when the card did not say */
  validFrom: z.string().nullable(),
  /** the last day; null for 长期 */
  validUntil: z.string().nullable(),
  /** the last day lies before today (Beijing time): an expired card is no valid identity document */
  expired: z.boolean(),
  photo: z.string().nullable(),
});
export type IdCardRead = z.infer<typeof idCardReadSchema>;

/** A card valid "至 2026-03-01" is still valid on that day and expired from the next. */
export function cardExpired(validUntil: LocalDate | null, today: LocalDate): boolean {
  return validUntil !== null && validUntil < today;
}

import type { ZodType } from 'zod';
import {
  pairedDeviceSchema,
  queueContract,
  ratingContract,
  ratingKeptSchema,
  ratingPromptSchema,
  type RatingGiven,
  queueBoardSchema,
  queueLinesSchema,
  publicTicketSchema,
  windowDisplaySchema,
} from '../../shared/center-api';

// Issue 17: the hall's own screens (kiosk, big screen, window displays) are served by the center
// and speak to it directly on the same origin — no terminal, no sign-in, numbers only.

/** `status`: the center's answer, absent when it could not be reached */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; status?: number };

async function request<T>(
  path: string,
  schema: ZodType<T>,
  init?: RequestInit,
): Promise<Outcome<T>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return { ok: false, message: '无法连接服务中心，请稍候再试或到咨询台取号' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    return {
      ok: false,
      message: message ?? `服务中心暂时无法处理（${res.status}）`,
      status: res.status,
    };
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: '服务中心的答复无法识别，请联系工作人员' };
}

export const hallCenter = {
  lines: () => request(queueContract['queue.lines'].path, queueLinesSchema),
  take: (departmentCode: string) =>
    request(queueContract['queue.take'].path, publicTicketSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ departmentCode }),
    }),
  board: () => request(queueContract['queue.board'].path, queueBoardSchema),
  display: (code: string) =>
    request(
      queueContract['queue.display'].path.replace(':code', encodeURIComponent(code)),
      windowDisplaySchema,
    ),
};

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Issue 17 part 2: the window's rating device (评价器), with the token its pairing gave it. */
export const ratingDevice = {
  pair: (windowCode: string, code: string) =>
    request(ratingContract['rating.pair'].path, pairedDeviceSchema, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ windowCode, code }),
    }),
  prompt: (token: string) =>
    request(ratingContract['rating.prompt'].path, ratingPromptSchema, { headers: bearer(token) }),
  rate: (token: string, serviceId: string, rating: RatingGiven) =>
    request(ratingContract['rating.rate'].path, ratingKeptSchema, {
      method: 'POST',
      headers: { ...json, ...bearer(token) },
      body: JSON.stringify({ serviceId, rating }),
    }),
};

/** The address a ticket's QR code carries: the phone page of that ticket at this center. */
export function followUrl(ticketId: string): string {
  return new URL(queueContract['queue.ticket'].path.replace(':id', ticketId), location.origin).href;
}

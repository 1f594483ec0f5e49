import type { CallOutput, ParsedInput } from '../../../shared/api';
import { shanghaiDate } from '../../../shared/calendar/instant';
import { checkResidentId } from '../../../shared/ids';
import {
  cardExpired,
  defaultIdCardReader,
  idCardReaderSettingsSchema,
  readerAddress,
  type IdCardReaderSettings,
  type IdCardVendor,
} from '../../../shared/id-card';
import { ApiFailure } from '../../api/errors';
import type { Db } from '../../store/db';
import { getSetting, setSetting } from '../../store/reference';
import type { Terminal } from '../context';
import { ProtocolError, type CardData, type IdCardReaderAdapter } from './adapter';
import { zkidronline } from './zkidronline';

const adapters: Record<IdCardVendor, IdCardReaderAdapter> = { zkidronline };

// The reader sits on this PC's USB port, so where its service listens is this PC's own: a key
// of the terminal's settings table (no migration), never touched by a pull from the center.
const settingsKey = 'idCard.reader';

// A reader answers in 1–2 s with the card on it (the chip's photo is the slow part). Beyond 4 s
// the clerk has long reached for the keyboard; the form never waits on the reader anyway.
export const readTimeoutMs = 4_000;

/** The stored endpoint; a value that does not parse (edited by hand) counts as the default. */
export function idCardReaderSettings(db: Db): IdCardReaderSettings {
  const parsed = idCardReaderSettingsSchema.safeParse(getSetting<unknown>(db, settingsKey));
  return parsed.success ? parsed.data : defaultIdCardReader;
}

export function setIdCardReaderSettings(
  t: Terminal,
  input: ParsedInput<'idCard.settings.set'>,
): CallOutput<'idCard.settings.set'> {
  setSetting(t.db, settingsKey, input);
  return idCardReaderSettings(t.db);
}

function sniffImage(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  return null;
}

// the card photo is 102×126: a JPEG of a few kB, a 24-bit BMP of 38 kB; anything far larger is
// not a card photo and is not handed to the page
const maxPhotoBytes = 256 * 1024;

function photoUrl(photo: Uint8Array | null): string | null {
  if (!photo || photo.length > maxPhotoBytes) return null;
  const mime = sniffImage(photo);
  return mime ? `data:${mime};base64,${Buffer.from(photo).toString('base64')}` : null;
}

function unreachable(endpoint: IdCardReaderSettings): ApiFailure {
  return new ApiFailure(
    'unavailable',
    `读卡器未连接或读卡服务未启动：本机 ${readerAddress(endpoint)} 无应答。请检查读卡器的 USB 线和读卡服务（${adapters[endpoint.vendor].product}），也可直接手工录入。`,
  );
}

/**
 * Reads the card on the reader through its local service and keeps of it only what the intake
 * form needs (shared/id-card.ts). Every failure is a sentence for the clerk that names what to
 * check; the form stays as it was.
 */
export async function readIdCard(
  t: Terminal,
  timeoutMs = readTimeoutMs,
): Promise<CallOutput<'idCard.read'>> {
  const endpoint = idCardReaderSettings(t.db);
  const adapter = adapters[endpoint.vendor];
  let outcome;
  try {
    outcome = await adapter.read(endpoint, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    if (error instanceof ProtocolError) {
      t.log.warn({ reader: adapter.product, reason: error.message }, 'id card reader answer');
      throw new ApiFailure(
        'unavailable',
        `读卡失败，请重放身份证：${error.message}（${readerAddress(endpoint)}）`,
      );
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ApiFailure(
        'unavailable',
        `读卡器服务 ${Math.ceil(timeoutMs / 1000)} 秒内无应答（${readerAddress(endpoint)}）：请重放身份证再试；仍无应答请重启读卡服务，或手工录入。`,
      );
    }
    // refused, reset, unknown host: the service is not there (fetch's own message stays out
    // of the clerk's sight; it names no more than this)
    throw unreachable(endpoint);
  }
  switch (outcome.kind) {
    case 'noCard':
      throw new ApiFailure('unavailable', '未放卡：请把身份证平放在读卡器感应区上，再按 F2。');
    case 'readerAbsent':
      throw new ApiFailure(
        'unavailable',
        `读卡器未连接：读卡服务（${readerAddress(endpoint)}）找不到读卡器，请检查读卡器的 USB 线后再试。`,
      );
    case 'readFailed':
      throw new ApiFailure('unavailable', `读卡失败，请重放身份证：${outcome.detail}`);
    case 'card':
      return keepForIntake(outcome.card, shanghaiDate(t.now()));
  }
}

function keepForIntake(card: CardData, today: string): CallOutput<'idCard.read'> {
  // a chip cannot hold a wrong check character; a read that gives one is a misread
  const check = checkResidentId(card.idNumber, today);
  if (!check.ok) {
    throw new ApiFailure(
      'unavailable',
      `读卡失败，请重放身份证：卡内号码未通过校验（${check.reason}）`,
    );
  }
  return {
    name: card.name,
    idNumber: card.idNumber,
    validFrom: card.validFrom,
    validUntil: card.validUntil,
    expired: cardExpired(card.validUntil, today),
    photo: photoUrl(card.photo),
  };
}

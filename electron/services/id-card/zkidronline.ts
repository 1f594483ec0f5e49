import { isLocalDate, type LocalDate } from '../../../shared/calendar/local-date';
import type { IdCardReaderSettings } from '../../../shared/id-card';
import {
  ProtocolError,
  type CardData,
  type IdCardReaderAdapter,
  type ReaderOutcome,
} from './adapter';

// ZKTeco (中控智慧) ZKIDROnline: the local web service that ships with ZKTeco's 二代身份证
// readers (ID180, ID200 …) and that a great many Chinese web systems of halls, hotels and
// hospitals call in place of an ActiveX control. There is no public specification; this is
// the protocol as the vendor's own browser client (its `interfaceResult` table of return codes)
// and the integrations published on GitHub call it and parse its answers, with a captured answer
// for the field formats:
//
//   GET http://127.0.0.1:24010/ZKIDROnline/ScanReadIdCardInfo?OP-DEV=1&CMD-URL=4&REPEAT=1&common=1&random=<n>
//   {"ret":0,"Certificate":{"Name":"…","Sex":"男","Nation":"汉","Birthday":"19910527",
//    "Address":"…","IDNumber":"…","IDIssued":"…公安局…分局","IssuedData":"20180817",
//    "ValidDate":"20380817","Other":"","CardNumber":"","PhotoName":"C:\Program Files (x86)\
//    ZKIDROnline\bin\zp.bmp","Base64Photo":"/9j/4AAQ…"}}
//
// Its quirks, each handled below: `PhotoName` is a Windows path written with bare backslashes,
// which is not JSON (every client replaces them before parsing); `IssuedData` is spelled so;
// dates come as yyyyMMdd (older builds: yyyy.MM.dd); `ValidDate` is 长期 for a card without end;
// fields may carry the card's fixed-width padding; `ret` is a number or a numeric string; the
// text is UTF-8, GBK on older builds (the Content-Type says which when it says anything). The
// photo is a JPEG (BMP on some builds), base64 in `Base64Photo`.
//
// Proven only against the loopback stand-in (tests/support/id-card-stand-in.ts), never against
// a reader: no reader is attached to the machines this was written on.

const readPath = '/ScanReadIdCardInfo';

/** The vendor's return codes, as its own client names them (`mean`). */
const returnCodes: Record<
  number,
  { mean: string; outcome: 'readerAbsent' | 'noCard' | 'readFailed' }
> = {
  1: { mean: '端口打开失败', outcome: 'readerAbsent' },
  2: { mean: '数据传输超时', outcome: 'readerAbsent' },
  10: { mean: '没有找到卡', outcome: 'noCard' },
  11: { mean: '读卡操作失败', outcome: 'readerAbsent' },
  20: { mean: '自检失败', outcome: 'readFailed' },
  30: { mean: '其他错误', outcome: 'readFailed' },
  40: { mean: '相片解码失败', outcome: 'readFailed' },
  100: { mean: '超时', outcome: 'noCard' },
  200: { mean: '读取相片数据失败', outcome: 'readFailed' },
};

export function readUrl(endpoint: IdCardReaderSettings, random: number): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  const base = endpoint.path.replace(/\/+$/, '');
  // `random` defeats the caches in front of the service that browsers once put there; the
  // service itself ignores it, as it ignores `common`
  return `http://${host}:${endpoint.port}${base}${readPath}?OP-DEV=1&CMD-URL=4&REPEAT=1&common=1&random=${random}`;
}

/** The answer's text: the charset the service names, else UTF-8 when it is valid, else GBK. */
export function decodeAnswer(bytes: Uint8Array, contentType: string | null): string {
  const named = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  const decode = (label: string, fatal: boolean) =>
    new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  if (named) {
    try {
      return decode(named === 'gb2312' ? 'gbk' : named, false);
    } catch {
      throw new ProtocolError(`读卡器服务的字符集无法识别：${named.slice(0, 20)}`);
    }
  }
  try {
    return decode('utf-8', true);
  } catch {
    return decode('gbk', false);
  }
}

/** The JSON as the service writes it: parsed as is, else with its bare backslashes made '/'. */
export function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // the vendor's own client does exactly this: only PhotoName carries backslashes, and no
      // other field has any (base64 has none, card text cannot hold one)
      return JSON.parse(text.replace(/\\/g, '/'));
    } catch {
      throw new ProtocolError('读卡器服务的应答不是 ZKIDROnline 的格式');
    }
  }
}

/** yyyyMMdd, yyyy.MM.dd or yyyy-MM-dd → a LocalDate; anything else (长期, blank) → null. */
export function cardDate(value: string): LocalDate | null {
  const m = /^(\d{4})[.\-/]?(\d{2})[.\-/]?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return isLocalDate(date) ? date : null;
}

// the card's text fields are fixed-width and padded; a name on the card never holds a space
// (少数民族 names use the middle dot ·), an address may, inside
function text(certificate: Record<string, unknown>, field: string): string {
  const v = certificate[field];
  return typeof v === 'string' ? v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') : '';
}

function photoBytes(base64: string): Uint8Array | null {
  const clean = base64.replace(/\s+/g, '');
  if (!clean || !/^[A-Za-z0-9+/]+=*$/.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

/** One parsed answer → the outcome; exported for the adapter's tests. */
export function outcomeOf(answer: unknown): ReaderOutcome {
  if (typeof answer !== 'object' || answer === null || !('ret' in answer)) {
    throw new ProtocolError('读卡器服务的应答缺少 ret');
  }
  const ret = Number(answer.ret);
  if (!Number.isInteger(ret)) throw new ProtocolError('读卡器服务的应答中 ret 不是数字');
  if (ret !== 0) {
    const known = returnCodes[ret];
    if (!known) return { kind: 'readFailed', detail: `返回码 ${ret}` };
    return known.outcome === 'readFailed'
      ? { kind: 'readFailed', detail: `${known.mean}（返回码 ${ret}）` }
      : { kind: known.outcome };
  }
  const certificate = (answer as { Certificate?: unknown }).Certificate;
  if (typeof certificate !== 'object' || certificate === null) {
    throw new ProtocolError('读卡器服务的应答缺少 Certificate');
  }
  const c = certificate as Record<string, unknown>;
  const card: CardData = {
    name: text(c, 'Name'),
    idNumber: text(c, 'IDNumber').toUpperCase(),
    sex: text(c, 'Sex'),
    nation: text(c, 'Nation'),
    birthDate: cardDate(text(c, 'Birthday')),
    address: text(c, 'Address'),
    issuedBy: text(c, 'IDIssued'),
    validFrom: cardDate(text(c, 'IssuedData')),
    validUntil: cardDate(text(c, 'ValidDate')),
    photo: photoBytes(text(c, 'Base64Photo')),
  };
  if (!card.name || !card.idNumber) {
    return { kind: 'readFailed', detail: '卡内姓名或身份证号为空' };
  }
  // an end date that is neither a date nor 长期 is a misread, not a card valid for ever
  if (card.validUntil === null && text(c, 'ValidDate') !== '长期') {
    return { kind: 'readFailed', detail: `有效期限无法识别：${text(c, 'ValidDate').slice(0, 20)}` };
  }
  return { kind: 'card', card };
}

export const zkidronline: IdCardReaderAdapter = {
  product: 'ZKTeco ZKIDROnline',
  async read(endpoint, signal) {
    const res = await fetch(readUrl(endpoint, Math.floor(Math.random() * 10_000)), {
      signal,
      redirect: 'error',
    });
    if (!res.ok) throw new ProtocolError(`读卡器服务应答 HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return outcomeOf(parseAnswer(decodeAnswer(bytes, res.headers.get('content-type'))));
  },
};

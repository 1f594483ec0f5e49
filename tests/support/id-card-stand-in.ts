import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A test tool, not product code: a loopback server that speaks ZKTeco's ZKIDROnline as the
// terminal calls it (electron/services/id-card/zkidronline.ts names the sources): GET
// <path>/ScanReadIdCardInfo?OP-DEV=1&CMD-URL=4…, answered with {"ret":…,"Certificate":{…}} in the
// vendor's own shape — bare backslashes in PhotoName (not JSON), yyyyMMdd dates, 长期, padded
// fields, UTF-8 or GBK. A test sets the card on the reader, lifts it, unplugs the reader, makes
// the answers slow, or stops the service (its port closed) and starts it again on the same port.

/** The card on the reader, in the vendor's field names and formats. */
export type StandInCard = {
  Name: string;
  Sex: string;
  Nation: string;
  Birthday: string;
  Address: string;
  IDNumber: string;
  IDIssued: string;
  IssuedData: string;
  ValidDate: string;
  /** the photo's bytes, sent base64 in Base64Photo */
  photo: Uint8Array;
};

/** What lies on (or is missing from) the reader. */
export type ReaderState =
  | { card: StandInCard }
  | { noCard: true }
  /** the service runs, the reader is unplugged */
  | { readerAbsent: true }
  /** any other return code of the vendor's table (20 自检失败, 40 相片解码失败 …) */
  | { ret: number };

export type Encoding = 'utf-8' | 'gbk' | 'gbk-unlabelled';

export type IdCardStandIn = {
  host: '127.0.0.1';
  port: number;
  path: string;
  /** the read requests that reached the service, with their query */
  requests: URLSearchParams[];
  set(state: ReaderState): void;
  /** answers come after this many ms (0: at once) */
  slow(ms: number): void;
  encoding(e: Encoding): void;
  /** the service stops: its port is closed, a call is refused */
  stop(): Promise<void>;
  /** the service runs again on the same port */
  start(): Promise<void>;
  close(): Promise<void>;
};

// ---- GBK, as older builds of the service write it ------------------------------------------
// Node decodes GBK but has no encoder; the table is built from the decoder over every two-byte
// code (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F), once.
let gbkTable: Map<string, [number, number]> | null = null;
function gbkEncode(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch))
          gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

/** The answer body exactly as the service writes it: JSON but for the bare backslashes. */
export function vendorAnswer(state: ReaderState): string {
  if ('card' in state) {
    const c = state.card;
    const field = (v: string) => JSON.stringify(v);
    return (
      `{"ret":0,"Certificate":{"Name":${field(c.Name)},"Sex":${field(c.Sex)},` +
      `"Nation":${field(c.Nation)},"Birthday":${field(c.Birthday)},"Address":${field(c.Address)},` +
      `"IDNumber":${field(c.IDNumber)},"IDIssued":${field(c.IDIssued)},` +
      `"IssuedData":${field(c.IssuedData)},"ValidDate":${field(c.ValidDate)},"Other":"",` +
      `"CardNumber":"","PhotoName":"C:\\Program Files (x86)\\ZKIDROnline\\bin\\zp.bmp",` +
      `"Base64Photo":"${Buffer.from(c.photo).toString('base64')}"}}`
    );
  }
  const ret = 'noCard' in state ? 10 : 'readerAbsent' in state ? 1 : state.ret;
  return `{"ret":${ret}}`;
}

/**
 * A 102×126 24-bit BMP (the card photo's size): a head and shoulders drawn in plain colours, so
 * a screenshot shows that the photo arrived.
 */
export function cardPhotoBmp(): Uint8Array {
  const w = 102;
  const h = 126;
  const rowBytes = Math.ceil((w * 3) / 4) * 4;
  const size = 54 + rowBytes * h;
  const b = Buffer.alloc(size);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(rowBytes * h, 34);
  const colour = (x: number, y: number): [number, number, number] => {
    const inHead = (x - 51) ** 2 / 26 ** 2 + (y - 52) ** 2 / 32 ** 2 <= 1;
    const hair = inHead && y < 38;
    const eye = (Math.abs(x - 41) < 3 || Math.abs(x - 61) < 3) && Math.abs(y - 50) < 2;
    const shoulders = y > 90 && (x - 51) ** 2 / 48 ** 2 + (y - 130) ** 2 / 40 ** 2 <= 1;
    if (eye || hair) return [30, 30, 30];
    if (inHead) return [235, 200, 170];
    if (shoulders) return [40, 60, 110];
    return [245, 245, 250];
  };
  for (let y = 0; y < h; y++) {
    // rows are stored bottom-up, each pixel as B, G, R
    const row = 54 + (h - 1 - y) * rowBytes;
    for (let x = 0; x < w; x++) {
      const [r, g, bl] = colour(x, y);
      b[row + x * 3] = bl;
      b[row + x * 3 + 1] = g;
      b[row + x * 3 + 2] = r;
    }
  }
  return new Uint8Array(b);
}

export async function startIdCardStandIn(opts: { path?: string } = {}): Promise<IdCardStandIn> {
  const path = opts.path ?? '/ZKIDROnline';
  let state: ReaderState = { noCard: true };
  let delayMs = 0;
  let enc: Encoding = 'utf-8';
  const requests: URLSearchParams[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const open = new Set<ServerResponse>();

  const answer = (res: ServerResponse) => {
    const body = vendorAnswer(state);
    const bytes = enc === 'utf-8' ? Buffer.from(body, 'utf8') : Buffer.from(gbkEncode(body));
    const type =
      enc === 'utf-8'
        ? 'text/plain;charset=UTF-8'
        : enc === 'gbk'
          ? 'text/plain;charset=GBK'
          : 'text/plain';
    res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
    res.end(bytes);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method !== 'GET' || url.pathname !== `${path}/ScanReadIdCardInfo`) {
      res.writeHead(404).end();
      return;
    }
    requests.push(url.searchParams);
    if (url.searchParams.get('CMD-URL') !== '4') {
      res.writeHead(200, { 'content-type': 'text/plain;charset=UTF-8' }).end('{"ret":30}');
      return;
    }
    if (delayMs === 0) return answer(res);
    open.add(res);
    const timer = setTimeout(() => {
      pending.delete(timer);
      open.delete(res);
      if (!res.destroyed) answer(res);
    }, delayMs);
    pending.add(timer);
  };

  let server: Server = createServer(handler);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;

  const stop = async () => {
    for (const t of pending) clearTimeout(t);
    pending.clear();
    for (const res of open) res.destroy();
    open.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    host: '127.0.0.1',
    port,
    path,
    requests,
    set: (s) => (state = s),
    slow: (ms) => (delayMs = ms),
    encoding: (e) => (enc = e),
    stop,
    start: async () => {
      server = createServer(handler);
      await listen(port);
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}

/**
 * A card as the service reads it, padded the way the chip's fixed-width fields are. The number
 * is a valid GB 11643 one (check character X); the card runs to 2036.
 */
export function sampleCard(overrides: Partial<StandInCard> = {}): StandInCard {
  return {
    Name: '王小明      ',
    Sex: '男',
    Nation: '汉',
    Birthday: '19491231',
    Address: '北京市朝阳区建国路88号 现代城 2号楼1单元1101室   ',
    IDNumber: '11010519491231002X',
    IDIssued: '北京市公安局朝阳分局',
    IssuedData: '20160301',
    ValidDate: '20360301',
    photo: cardPhotoBmp(),
    ...overrides,
  };
}

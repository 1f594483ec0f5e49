import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for a province's 好差评 receiving endpoint: it checks the HMAC-SHA256
// signature of each JSON POST with the shared key, keeps what it accepted, and can be told to
// fail the next N requests (a 503) the way a provincial platform goes down.

export type ProvincialStandin = {
  url: string;
  key: string;
  /** the ratings accepted, in order, as parsed JSON */
  received: Record<string, unknown>[];
  /** requests refused for a bad signature */
  badSignatures: number;
  failNext(n: number): void;
  close(): Promise<void>;
};

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startProvincialStandin(key: string): Promise<ProvincialStandin> {
  let failing = 0;
  const standin: Omit<ProvincialStandin, 'url' | 'close'> = {
    key,
    received: [],
    badSignatures: 0,
    failNext: (n) => {
      failing = n;
    },
  };
  const server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      if (failing > 0) {
        failing -= 1;
        res.writeHead(503).end('maintenance');
        return;
      }
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`,
      );
      const given = Buffer.from(String(req.headers['x-onewindow-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        standin.badSignatures += 1;
        res.writeHead(401).end('bad signature');
        return;
      }
      standin.received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...standin,
    get received() {
      return standin.received;
    },
    get badSignatures() {
      return standin.badSignatures;
    },
    url: `http://127.0.0.1:${port}/haocha/ratings`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

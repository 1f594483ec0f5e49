import { createServer, type Server } from 'node:http';
import { protocolHeader } from '../../shared/sync';

/** A terminal's cable to the center, which a test can pull out, plug back in, or make lossy. */
export type CenterLink = {
  /** the address to enroll the terminal with */
  url: string;
  /** the terminal is offline: requests in flight and new ones get their connection cut */
  cut: () => void;
  restore: () => void;
  /** answers thrown away after the center answered (the center had committed) */
  dropped: () => number;
  close: () => Promise<void>;
};

/**
 * A loopback HTTP relay in front of the center. It forwards each request whole and waits for the
 * center's full answer; then, while the link is cut or when `dropAnswer` picks the request, it
 * cuts the connection instead of answering. The terminal sees a network error for work the center
 * may already have committed: its retries must be harmless.
 */
export async function centerLink(
  centerUrl: string,
  opts: {
    dropAnswer?: (path: string) => boolean;
    /** pretend the terminal speaks this protocol version (a terminal not yet updated) */
    protocol?: number;
  } = {},
): Promise<CenterLink> {
  const dropAnswer = opts.dropAnswer ?? (() => false);
  let up = true;
  let dropped = 0;
  const server: Server = createServer((req, res) => {
    if (!up) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))
          headers[k] = v;
      }
      if (opts.protocol !== undefined && headers[protocolHeader])
        headers[protocolHeader] = String(opts.protocol);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      fetch(`${centerUrl}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body ? { body } : {}),
      })
        .then(async (answer) => {
          const text = Buffer.from(await answer.arrayBuffer());
          if (!up || dropAnswer(req.url ?? '')) {
            dropped += 1;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = () => {
    up = false;
    server.closeAllConnections();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    restore: () => (up = true),
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

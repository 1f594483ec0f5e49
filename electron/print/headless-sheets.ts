import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  notReady,
  SheetFailure,
  sheetPdfOptions,
  sheetReadyScript,
  sheetTimeoutMs,
  type SheetPrinter,
} from './sheet-printer';

// The archive's printer in web mode: a real Chromium process, headless, driven over the DevTools
// protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out, messages ended by NUL). Not
// `--print-to-pdf`: that prints at the load event, before the React sheet has fetched its
// document and fonts, and headless-shell builds lack it. One browser per export, a fresh profile
// in a temporary folder, removed afterwards; nothing but loopback is opened.

type Reply = { id?: number; result?: Record<string, unknown>; error?: { message: string } };

/** A printer against the web server at `baseUrl()` (known once it listens), with `chromium`. */
export function headlessSheets(chromium: string, baseUrl: () => string): SheetPrinter {
  return async (routes) => {
    const profile = mkdtempSync(join(tmpdir(), 'onewindow-sheets-'));
    const child = spawn(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const input = child.stdio[3] as NodeJS.WritableStream;
    const output = child.stdio[4] as NodeJS.ReadableStream;
    // A browser that failed to start or died closes its pipes: the write or read then errors,
    // and an unheard stream error would end the whole terminal. `exited`/`started` below say
    // what happened instead.
    input.on('error', () => undefined);
    output.on('error', () => undefined);
    const pending = new Map<number, { resolve: (r: Reply) => void }>();
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    let buffered = '';
    output.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let end;
      while ((end = buffered.indexOf('\0')) >= 0) {
        const reply = JSON.parse(buffered.slice(0, end)) as Reply;
        buffered = buffered.slice(end + 1);
        if (reply.id === undefined) continue; // an event; only answers are awaited
        pending.get(reply.id)?.resolve(reply);
        pending.delete(reply.id);
      }
    });
    const exited = new Promise<never>((_, reject) =>
      // 'close', not 'exit': by then stderr has been read to its end
      child.once('close', (code) =>
        reject(new SheetFailure(`Chromium 意外退出（${code}）：${stderr.trim().slice(-300)}`)),
      ),
    );
    const started = new Promise<never>((_, reject) =>
      child.once('error', (e) =>
        reject(new SheetFailure(`无法启动 Chromium（${chromium}）：${e.message}`)),
      ),
    );
    let next = 0;
    const send = async (
      method: string,
      params: Record<string, unknown> = {},
      sessionId?: string,
    ): Promise<Record<string, unknown>> => {
      const id = (next += 1);
      const reply = new Promise<Reply>((resolve) => pending.set(id, { resolve }));
      input.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
      const r = await Promise.race([reply, exited, started]);
      if (r.error) throw new SheetFailure(`Chromium: ${method}: ${r.error.message}`);
      return r.result ?? {};
    };
    const timer = setTimeout(() => child.kill('SIGKILL'), sheetTimeoutMs * (routes.length + 1));
    try {
      const pdfs: Uint8Array[] = [];
      for (const route of routes) {
        const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
        const { sessionId } = (await send('Target.attachToTarget', {
          targetId,
          flatten: true,
        })) as {
          sessionId: string;
        };
        // answered once the sheet's document is committed: the evaluation below runs in it
        await send('Page.navigate', { url: `${baseUrl()}/${route}` }, sessionId);
        const ready = (await send(
          'Runtime.evaluate',
          { expression: sheetReadyScript, awaitPromise: true, returnByValue: true },
          sessionId,
        )) as { result?: { value?: unknown } };
        const failure = notReady(ready.result?.value);
        if (failure) throw failure;
        const { data } = (await send('Page.printToPDF', sheetPdfOptions, sessionId)) as {
          data: string;
        };
        pdfs.push(Buffer.from(data, 'base64'));
        await send('Target.closeTarget', { targetId });
      }
      return pdfs;
    } finally {
      clearTimeout(timer);
      exited.catch(() => undefined);
      started.catch(() => undefined);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await gone;
      }
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

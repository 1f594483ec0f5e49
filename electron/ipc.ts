import type { IpcMain, WebContents } from 'electron';
import { dispatch, type Handlers } from './api/dispatch';
import { dispatchRecovery } from './api/recovery';
import type { TerminalHost } from './services/host';

/**
 * Binds the contract to IPC. The session belongs to the window's web contents: the renderer
 * signs in with auth.login like in web mode, but its token never has to travel afterwards.
 */
export function bindIpc(
  ipcMain: IpcMain,
  host: TerminalHost,
  handlers: Handlers,
  appUrl: string,
): void {
  const tokens = new WeakMap<WebContents, string>();
  ipcMain.handle('hall', async (event, name: unknown, input: unknown) => {
    // Only the app's own page may call; a frame that somehow loaded other content may not.
    if (event.senderFrame?.url.split('#')[0] !== appUrl) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'caller is not the OneWindow page' },
      };
    }
    const token = tokens.get(event.sender) ?? null;
    // the terminal of this moment: a restore replaces it, a lost database leaves none
    const terminal = host.terminal();
    const result = terminal
      ? await dispatch(handlers, String(name), input, {
          terminal,
          session: terminal.sessions.resolve(token),
          token,
          host,
        })
      : await dispatchRecovery(host, String(name), input);
    if (result.ok && name === 'auth.login') {
      tokens.set(event.sender, (result.value as { token: string }).token);
    }
    if (name === 'auth.logout') tokens.delete(event.sender);
    return result;
  });
}

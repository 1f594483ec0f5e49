import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../shared/api/names';

// The renderer gets one function per contract call and nothing else: never ipcRenderer itself,
// so a compromised page cannot reach channels the contract does not name.
const hall = Object.fromEntries(
  callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke('hall', name, input)]),
);

contextBridge.exposeInMainWorld('hall', Object.freeze(hall));

// Saving the page on screen as PDF and printing it straight to the window's printer are what only
// the desktop app can do; the web mode prints with the browser instead. Main picks the printer
// from the settings: the page says only which kind of document it is.
contextBridge.exposeInMainWorld(
  'hallPrint',
  Object.freeze({
    toPdf: (name: string) => ipcRenderer.invoke('hall-print-pdf', name),
    print: (request: unknown) => ipcRenderer.invoke('hall-print', request),
    printers: () => ipcRenderer.invoke('hall-printers'),
  }),
);

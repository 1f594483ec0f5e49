import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../shared/api/names';

// The renderer gets one function per contract call and nothing else: never ipcRenderer itself,
// so a compromised page cannot reach channels the contract does not name.
const hall = Object.fromEntries(
  callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke('hall', name, input)]),
);

contextBridge.exposeInMainWorld('hall', Object.freeze(hall));

// Saving the notice on screen as PDF is the one thing only the desktop app can do; the web mode
// prints with the browser instead.
contextBridge.exposeInMainWorld(
  'hallPrint',
  Object.freeze({
    toPdf: (name: string) => ipcRenderer.invoke('hall-print-pdf', name),
  }),
);

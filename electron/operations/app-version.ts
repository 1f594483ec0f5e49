import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The terminal's version: package.json's, which electron-builder stamps into the app (Electron's
 * app.getVersion() reads the same file), beside resources/ both in development and packaged.
 */
export function readAppVersion(resourcesDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(resourcesDir, '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The better-sqlite3 binary built for this Electron by `npm run rebuild:electron`, or undefined
 * when there is none. Packaged, native/ is unpacked beside app.asar, since a .node file cannot be
 * loaded from inside the archive.
 */
export function electronNativeBinding(appPath: string, electronVersion: string): string | undefined {
  const root = appPath.replace(/app\.asar$/, 'app.asar.unpacked');
  const file = path.join(root, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

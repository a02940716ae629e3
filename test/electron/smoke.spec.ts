import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const repoRoot = path.resolve(__dirname, '../..');
const electronPackage = path.join(repoRoot, 'node_modules/electron');
const electronVersion = (
  JSON.parse(readFileSync(path.join(electronPackage, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * The Electron binary, if this machine has one. Not require('electron'): from Electron 42 that
 * starts a download when the binary is missing. Same lookup as node_modules/electron/index.js.
 */
function findElectronBinary(): string | undefined {
  const pathFile = path.join(electronPackage, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, executable ?? 'electron')
    : executable && path.join(electronPackage, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : undefined;
}

const electronBinary = findElectronBinary();
const nativeBuild = path.join(repoRoot, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');

test.skip(
  !electronBinary,
  'No Electron binary on this machine: it downloads from GitHub on first launch, which this machine cannot reach. Run npm run rebuild:electron && npm start where it can.',
);
test.skip(
  !existsSync(nativeBuild),
  `No database engine built for Electron ${electronVersion} (${path.relative(repoRoot, nativeBuild)}). Run npm run rebuild:electron where electronjs.org can be reached.`,
);

test('the app opens its window on its own protocol, with only the narrow API exposed', async () => {
  expect(existsSync(path.join(repoRoot, 'out/main/index.js')), 'Run npm run build first.').toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-electron-'));
  // Chromium will not start its sandbox as root (as in many CI containers).
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The app folder, not out/main/index.js itself: package.json's "main" points there, and the
  // app then has its own name, version and app path, as when packaged.
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [...rootArgs, repoRoot, '--data', dataDir],
    cwd: repoRoot,
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await expect(page).toHaveTitle('Relational Review');
    expect(page.url()).toMatch(/^app:\/\/relational-review\//);

    const exposed = await page.evaluate(() => ({
      bridgeKeys: Object.keys((window as unknown as { relationalReview: object }).relationalReview).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridgeKeys: ['call', 'subscribe'], require: 'undefined', process: 'undefined' });

    const info = await page.evaluate(() =>
      (
        window as unknown as { relationalReview: { call(method: string, input: unknown): Promise<unknown> } }
      ).relationalReview.call('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { dataDir } });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * The packaged app's own hardening (issue 13, item 8), checked under Node: the Electron binary
 * cannot be run here, so the decisions live in pure functions (electron/main/packaged-policy.ts,
 * security-policy.ts, scripts/after-pack.cjs) and the glue that applies them is read as source.
 */
import { EventEmitter } from 'node:events';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applicationMenuTemplate,
  developerMenuRoles,
  refusedStartSwitches,
  refusedSwitches,
  refusedSwitchesMessage,
  type MenuItemTemplate,
} from '../../electron/main/packaged-policy';
import { keepDownloadsOwnerOnly } from '../../electron/main/downloads';
import { appOrigin, presenterWindowOpen, windowWebPreferences } from '../../electron/main/security-policy';
import { tempDir } from './helpers';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const exe = '/Applications/Relational Review.app/Contents/MacOS/Relational Review';

describe('start-up switches the packaged app refuses', () => {
  it.each([
    ['--remote-debugging-port=9222', 'remote-debugging-port'],
    ['--remote-debugging-port', 'remote-debugging-port'],
    ['--remote-debugging-pipe', 'remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0', 'remote-debugging-address'],
    ['--remote-allow-origins=*', 'remote-allow-origins'],
    ['--inspect', 'inspect'],
    ['--inspect=0.0.0.0:9229', 'inspect'],
    ['--inspect-brk', 'inspect-brk'],
    ['--inspect-brk=9229', 'inspect-brk'],
    ['--inspect-port=9229', 'inspect-port'],
    ['--debug-port=5858', 'debug-port'],
    ['--js-flags=--allow-natives-syntax', 'js-flags'],
    ['--no-sandbox', 'no-sandbox'],
    ['--disable-web-security', 'disable-web-security'],
    ['--renderer-cmd-prefix=/tmp/evil', 'renderer-cmd-prefix'],
    ['--gpu-launcher=/tmp/evil', 'gpu-launcher'],
    ['--load-extension=/tmp/ext', 'load-extension'],
    ['--auto-open-devtools-for-tabs', 'auto-open-devtools-for-tabs'],
    // Chromium also reads a single dash, and names in any case.
    ['-remote-debugging-port=9222', 'remote-debugging-port'],
    ['--Remote-Debugging-Port=9222', 'remote-debugging-port'],
    ['--INSPECT', 'inspect'],
  ])('%s', (arg, name) => {
    expect(refusedStartSwitches([exe, arg], () => false, 'darwin')).toEqual([name]);
  });

  it('reads /name as a switch on Windows only', () => {
    const windowsExe = 'C:\\Program Files\\Relational Review\\Relational Review.exe';
    expect(refusedStartSwitches([windowsExe, '/remote-debugging-port=9222'], () => false, 'win32')).toEqual([
      'remote-debugging-port',
    ]);
    expect(refusedStartSwitches([exe, '/remote-debugging-port'], () => false, 'linux')).toEqual([]);
  });

  it('names every refused switch once, in order, and stops at a bare --', () => {
    expect(refusedStartSwitches([exe, '--inspect', '--js-flags=--x', '--inspect=1', '--', '--no-sandbox'])).toEqual([
      'inspect',
      'js-flags',
    ]);
  });

  it('asks the parsed command line too (a switch Chromium read some other way)', () => {
    const asked: string[] = [];
    const has = (name: string) => {
      asked.push(name);
      return name === 'remote-debugging-pipe';
    };
    expect(refusedStartSwitches([exe], has)).toEqual(['remote-debugging-pipe']);
    expect(asked).toEqual([...refusedSwitches]);
  });

  it('starts with the app’s own and ordinary switches', () => {
    for (const args of [
      [],
      ['--data', '/home/sam/casebook'],
      ['--data=/home/sam/casebook'],
      ['--lang=en-GB'],
      ['--enable-logging'],
      ['--inspector'],
      ['--debugging'],
      ['-psn_0_12345'],
      ['inspect'],
    ]) {
      expect(
        refusedStartSwitches([exe, ...args], () => false, 'darwin'),
        args.join(' '),
      ).toEqual([]);
    }
    // The executable's own path is not read as a switch.
    expect(refusedStartSwitches(['--inspect'])).toEqual([]);
  });

  it('says what was refused, why, and what to do', () => {
    const message = refusedSwitchesMessage(['remote-debugging-port', 'inspect']);
    expect(message).toContain('--remote-debugging-port, --inspect');
    expect(message).toMatch(/Start it again without them/);
  });

  it('is applied first thing, in packaged builds, and quits', () => {
    const index = read('electron/main/index.ts');
    const mainBody = index.slice(index.indexOf('function main(): void {'));
    expect(mainBody).toMatch(
      /^function main\(\): void \{\s*\/\/[^\n]*\n\s*if \(app\.isPackaged\) \{\s*const refused = refusedStartSwitches\(process\.argv, \(name\) => app\.commandLine\.hasSwitch\(name\)\);\s*if \(refused\.length\) \{[^}]*dialog\.showErrorBox\(refusedSwitchesTitle, message\);\s*app\.exit\(1\);\s*return;/,
    );
  });
});

/** Every item of a menu template, submenus included. */
function items(template: MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((item) => [item, ...items(item.submenu ?? [])]);
}

describe.skipIf(process.platform === 'win32')('downloads the desktop app saves', () => {
  /** A session and a download as Electron hands them over: events, and where the file was saved. */
  function download(state: 'completed' | 'cancelled') {
    const file = path.join(tempDir(), 'case-book-transfer.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    const session = new EventEmitter();
    const errors: string[] = [];
    keepDownloadsOwnerOnly(session as never, (message) => errors.push(message));
    const item = Object.assign(new EventEmitter(), { getSavePath: () => file });
    session.emit('will-download', {}, item);
    item.emit('done', {}, state);
    return { file, errors };
  }
  const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

  it('are made readable by their owner only once saved, as the other exports are', async () => {
    const { file, errors } = download('completed');
    await expect.poll(() => modeOf(file)).toBe('600');
    expect(errors).toEqual([]);
  });

  it('are left alone when the download did not finish', async () => {
    const { file } = download('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(modeOf(file)).toBe('644');
  });

  it('is wired into the session the app hardens', () => {
    const source = readFileSync(path.join(root, 'electron/main/hardening.ts'), 'utf8');
    expect(source).toMatch(/keepDownloadsOwnerOnly\(ses,/);
  });
});

describe('the application menu', () => {
  it('has no developer tools or reload in a packaged macOS build', () => {
    const menu = applicationMenuTemplate({ platform: 'darwin', packaged: true, appName: 'Relational Review' });
    expect(menu).not.toBeNull();
    const all = items(menu ?? []);
    for (const role of developerMenuRoles) expect(all.map((item) => item.role)).not.toContain(role);
    expect(all.filter((item) => /develop|devtools|inspect|reload/i.test(item.label ?? ''))).toEqual([]);
    // ... and keeps what a Mac user needs: copy and paste, quit, windows.
    for (const role of ['copy', 'paste', 'selectAll', 'undo', 'quit', 'minimize', 'close'] as const) {
      expect(all.map((item) => item.role)).toContain(role);
    }
  });

  it('keeps them in a development build on macOS', () => {
    const menu = applicationMenuTemplate({ platform: 'darwin', packaged: false, appName: 'Relational Review' });
    const roles = items(menu ?? []).map((item) => item.role);
    for (const role of developerMenuRoles) expect(roles).toContain(role);
  });

  it('is no menu at all on Windows and Linux, packaged or not', () => {
    for (const platform of ['win32', 'linux'])
      for (const packaged of [true, false])
        expect(applicationMenuTemplate({ platform, packaged, appName: 'Relational Review' })).toBeNull();
  });

  it('replaces Electron’s default menu (which has Toggle Developer Tools) on every platform', () => {
    const index = read('electron/main/index.ts');
    expect(index).toMatch(/applicationMenuTemplate\(\{\s*platform: process\.platform,\s*packaged: app\.isPackaged,/);
    expect(index).toContain('Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);');
    expect(index).not.toMatch(/if \(process\.platform !== 'darwin'\) Menu\.setApplicationMenu/);
  });
});

describe('webPreferences in a packaged build', () => {
  const preload = '/app/out/preload/index.js';
  const presenterUrl = `${appOrigin}/index.html#/present/5d1c6f3e-8a2b-4c1d-9e0f-123456789abc`;

  it('turns the developer tools off in the main window, the presenter view and the printing window', () => {
    expect(windowWebPreferences(preload, { packaged: true }).devTools).toBe(false);
    const presenter = presenterWindowOpen(presenterUrl, preload, undefined, true);
    expect(presenter.action === 'allow' && presenter.overrideBrowserWindowOptions.webPreferences.devTools).toBe(false);
    // A window not told otherwise (the printing window) is taken as packaged.
    expect(windowWebPreferences('').devTools).toBe(false);
    expect(presenterWindowOpen(presenterUrl, preload).action === 'allow').toBe(true);
  });

  it('keeps them in a development build', () => {
    expect(windowWebPreferences(preload, { packaged: false }).devTools).toBe(true);
    const presenter = presenterWindowOpen(presenterUrl, preload, undefined, false);
    expect(presenter.action === 'allow' && presenter.overrideBrowserWindowOptions.webPreferences.devTools).toBe(true);
  });

  it('is told app.isPackaged by the main window and its presenter view', () => {
    const window = read('electron/main/window.ts');
    expect(window).toContain('webPreferences: windowWebPreferences(preload, { packaged: app.isPackaged })');
    expect(window).toContain(
      'setWindowOpenHandler(({ url }) => presenterWindowOpen(url, preload, devOrigin, app.isPackaged))',
    );
    // The printing window takes the default (packaged: no developer tools).
    expect(read('electron/main/platform/pdf-printer.ts')).toContain("windowWebPreferences('')");
  });

  it('the policy files do not import electron, so these tests check the very code that runs', () => {
    for (const file of ['electron/main/packaged-policy.ts', 'electron/main/security-policy.ts']) {
      expect(read(file), file).not.toMatch(/from 'electron'|require\('electron'\)/);
    }
  });
});

interface AfterPackScript {
  fuseConfig(platform: string): Record<string | number, unknown>;
  undecidedFuses(installed: Record<string, unknown>): string[];
  FuseV1Options: Record<string, number>;
}

describe('the fuses after-pack sets (read from scripts/after-pack.cjs)', async () => {
  const script = createRequire(import.meta.url)('../../scripts/after-pack.cjs') as AfterPackScript;
  const fuses = await import('@electron/fuses');
  const { FuseV1Options: F } = fuses;

  it.each(['darwin', 'mas', 'win32', 'linux'])('sets every fuse @electron/fuses knows, explicitly, for %s', (p) => {
    const config = script.fuseConfig(p);
    const names = Object.keys(F).filter((key) => Number.isNaN(Number(key)));
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      expect(config[F[name as keyof typeof F]], name).toBeTypeOf('boolean');
    }
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(script.undecidedFuses(F)).toEqual([]);
  });

  it('turns GrantFileProtocolExtraPrivileges off, with every other security fuse as Electron advises', () => {
    const config = script.fuseConfig('linux');
    expect({
      RunAsNode: config[F.RunAsNode],
      EnableCookieEncryption: config[F.EnableCookieEncryption],
      EnableNodeOptionsEnvironmentVariable: config[F.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: config[F.EnableNodeCliInspectArguments],
      EnableEmbeddedAsarIntegrityValidation: config[F.EnableEmbeddedAsarIntegrityValidation],
      OnlyLoadAppFromAsar: config[F.OnlyLoadAppFromAsar],
      LoadBrowserProcessSpecificV8Snapshot: config[F.LoadBrowserProcessSpecificV8Snapshot],
      GrantFileProtocolExtraPrivileges: config[F.GrantFileProtocolExtraPrivileges],
      WasmTrapHandlers: config[F.WasmTrapHandlers],
    }).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
  });

  it('names a fuse it does not decide, so a newer @electron/fuses fails the build', () => {
    expect(script.undecidedFuses({ ...F, SomeNewFuse: 9, 9: 'SomeNewFuse' })).toEqual(['SomeNewFuse']);
  });

  it('the app loads no file:// page that would need the privileges taken away', () => {
    const main = ['electron/main/index.ts', 'electron/main/window.ts', 'electron/main/platform/pdf-printer.ts'];
    for (const file of main) expect(read(file), file).not.toMatch(/loadFile\(|file:\/\//);
  });
});

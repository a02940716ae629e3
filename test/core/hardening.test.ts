/**
 * Electron hardening, proven against Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), item by item. The Electron binary is
 * not needed: the options and handlers the app uses are exported from electron/main/security-policy.ts
 * and checked here as the very objects and functions the app passes to Electron. What can only be
 * seen in the glue code (which handler is registered where) is checked by reading that source.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, rendererSecurityHeaders } from '@core/hosting/content-security-policy';
import { readStaticFile, resolveInside } from '@core/hosting/static-files';
import {
  appHost,
  appOrigin,
  appScheme,
  appStartUrl,
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  isAllowedRequestUrl,
  isTrustedSender,
  keepNavigationInApp,
  presenterWindowOpen,
  refuseWebview,
  requestFilter,
  windowWebPreferences,
} from '../../electron/main/security-policy';
import { bridgeName } from '@shared/api/transport';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const dev = 'http://localhost:5173';
const preloadPath = '/app/out/preload/index.js';
const reviewId = '5d1c6f3e-8a2b-4c1d-9e0f-123456789abc';
const presenterUrl = `${appOrigin}/index.html#/present/${reviewId}`;

/** Every source file under the given folders, as [path relative to the repository, text]. */
function sources(folders: string[], extensions = ['.ts', '.tsx', '.html', '.js', '.mjs', '.cjs']): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (extensions.includes(path.extname(entry.name))) found.push([relative, read(relative)]);
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

const appSources = sources(['electron', 'renderer', 'shared']);
const mainSources = sources(['electron/main']);
const filesContaining = (pattern: RegExp, files = appSources) =>
  files.filter(([, text]) => pattern.test(text)).map(([file]) => file);
/**
 * packaged-policy.ts names the switches that turn protections off in order to refuse them at start
 * (test/core/electron-hardening.test.ts): for the searches for such a switch being used, it is left out.
 */
const refusingFile = 'electron/main/packaged-policy.ts';
const switchUsers = (pattern: RegExp, files = appSources) =>
  filesContaining(pattern, files).filter((file) => file !== refusingFile);

/** Every webPreferences object the app's windows get: main window, presenter view, PDF printing. */
function everyWindowsWebPreferences() {
  const main = windowWebPreferences(preloadPath);
  const presenter = presenterWindowOpen(presenterUrl, preloadPath);
  if (presenter.action !== 'allow') throw new Error('the presenter view should open');
  // The printing window (platform/pdf-printer.ts) spreads these without the preload, adding javascript: false.
  const { preload: _noPreload, ...printing } = windowWebPreferences('');
  return {
    main,
    presenter: presenter.overrideBrowserWindowOptions.webPreferences,
    printing: { ...printing, javascript: false },
  } as Record<string, Record<string, unknown>>;
}

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('Electron security checklist', () => {
  const windows = everyWindowsWebPreferences();

  it('every BrowserWindow the app creates takes its webPreferences from the security policy', () => {
    const creators = filesContaining(/new BrowserWindow\(/, mainSources);
    expect(creators.sort()).toEqual(['electron/main/platform/pdf-printer.ts', 'electron/main/window.ts']);
    expect(read('electron/main/window.ts')).toContain(
      'webPreferences: windowWebPreferences(preload, { packaged: app.isPackaged })',
    );
    expect(read('electron/main/platform/pdf-printer.ts')).toMatch(
      /= windowWebPreferences\(''\);[\s\S]*webPreferences: \{ \.\.\.secureWebPreferences, javascript: false \}/,
    );
    // The presenter view is opened by the main window's open handler, with the main window's preferences.
    expect(read('electron/main/window.ts')).toContain(
      'setWindowOpenHandler(({ url }) => presenterWindowOpen(url, preload, devOrigin, app.isPackaged))',
    );
    expect(windows.presenter).toEqual(windows.main);
  });

  it('1. only secure content: nothing is fetched over http(s), ws or file; the packaged app loads app:// only', () => {
    for (const url of [
      'http://example.org/',
      'https://example.org/x.js',
      'ws://example.org/',
      'wss://example.org/',
      'file:///etc/passwd',
      'ftp://example.org/',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
    // The listener the session is given cancels them (and keeps the app's own files).
    const callback = vi.fn();
    const filter = requestFilter();
    filter({ url: 'https://example.org/tracker.js' }, callback);
    filter({ url: `${appOrigin}/assets/index.js` }, callback);
    expect(callback.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
    expect(read('electron/main/hardening.ts')).toContain('ses.webRequest.onBeforeRequest(requestFilter(devOrigin));');
    // The dev server is only ever trusted when the app is not packaged.
    expect(read('electron/main/index.ts')).toMatch(
      /const devServerUrl = !app\.isPackaged \? process\.env\.ELECTRON_RENDERER_URL : undefined;/,
    );
    expect(appStartUrl.startsWith('app://relational-review/')).toBe(true);
  });

  it('2. no Node.js integration, in any window or its workers and frames', () => {
    for (const [name, prefs] of Object.entries(windows)) {
      expect(prefs, name).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
      });
    }
    expect(filesContaining(/nodeIntegration\w*:\s*true/)).toEqual([]);
  });

  it('3. context isolation on in every window', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.contextIsolation, name).toBe(true);
    expect(filesContaining(/contextIsolation:\s*false/)).toEqual([]);
  });

  it('4. every renderer sandboxed', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.sandbox, name).toBe(true);
    expect(switchUsers(/sandbox:\s*false|--no-sandbox|no-sandbox/, mainSources)).toEqual([]);
  });

  it('5. the session denies every permission request and check, and every device', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'display-capture',
      'openExternal',
      'fileSystem',
      'unknown',
    ]) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
    expect(denyDevicePermission()).toBe(false);
    const hardening = read('electron/main/hardening.ts');
    expect(hardening).toContain('ses.setPermissionRequestHandler(denyPermissionRequest);');
    expect(hardening).toContain('ses.setPermissionCheckHandler(denyPermissionCheck);');
    expect(hardening).toContain('ses.setDevicePermissionHandler(denyDevicePermission);');
    // ... on the session every window uses, once the app is ready.
    expect(hardening).toContain('const ses = session.defaultSession;');
    expect(filesContaining(/partition:|session\.fromPartition|fromPath\(/, mainSources)).toEqual([]);
    expect(read('electron/main/index.ts')).toContain('hardenSession(devOrigin);');
  });

  it('6. webSecurity is never disabled', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.webSecurity, name).toBe(true);
    expect(switchUsers(/webSecurity:\s*false|disable-web-security/)).toEqual([]);
  });

  it('7. a strict Content-Security-Policy on every file of the renderer', () => {
    const csp = parseCsp(contentSecurityPolicy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const [directive, values] of csp) {
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        '*',
        'http:',
        'https:',
        'ws:',
        'wss:',
        'file:',
      ]) {
        expect(values, `${directive} allows ${unsafe}`).not.toContain(unsafe);
      }
    }
    expect(rendererSecurityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    // app:// sends it with every response, found or not.
    expect(read('electron/main/protocol.ts').match(/\.\.\.rendererSecurityHeaders/g)).toHaveLength(2);
    // The page carries it too (the dev server serves index.html without the app's headers).
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];
    expect(meta).toBeDefined();
    const pageCsp = parseCsp(meta ?? '');
    expect(pageCsp.get('default-src')).toEqual(["'none'"]);
    expect(pageCsp.get('script-src')).toEqual(["'self'"]);
    expect(pageCsp.get('object-src')).toEqual(["'none'"]);
    expect(pageCsp.get('base-uri')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-/);
  });

  it('8. allowRunningInsecureContent off', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.allowRunningInsecureContent, name).toBe(false);
    expect(switchUsers(/allowRunningInsecureContent:\s*true|allow-running-insecure-content/)).toEqual([]);
  });

  it('9. experimentalFeatures off', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.experimentalFeatures, name).toBe(false);
    expect(switchUsers(/experimentalFeatures:\s*true|enable-experimental-web-platform-features/)).toEqual([]);
  });

  it('10. no enableBlinkFeatures', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs, name).not.toHaveProperty('enableBlinkFeatures');
    expect(switchUsers(/enableBlinkFeatures|enable-blink-features/)).toEqual([]);
  });

  it('11. no webviews and no allowpopups: webviewTag off, and attaching one is refused', () => {
    for (const [name, prefs] of Object.entries(windows)) expect(prefs.webviewTag, name).toBe(false);
    const event = { preventDefault: vi.fn() };
    refuseWebview(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(read('electron/main/hardening.ts')).toContain("contents.on('will-attach-webview', refuseWebview);");
    expect(filesContaining(/<webview|allowpopups|webviewTag:\s*true/i)).toEqual([]);
  });

  it('12. navigation limited to the app’s own pages (will-navigate and will-redirect)', () => {
    const navigate = (url: string, devOrigin?: string) => {
      const event = { url, preventDefault: vi.fn() };
      keepNavigationInApp(devOrigin)(event);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(navigate(`${appOrigin}/index.html#/reviews`)).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://relational-review.evil/',
      'app://evil@relational-review/',
      'about:blank',
    ]) {
      expect(navigate(url), url).toBe(false);
    }
    expect(navigate('http://localhost:5173/index.html', dev)).toBe(true);
    expect(navigate('http://localhost:5174/index.html', dev)).toBe(false);
    const hardening = read('electron/main/hardening.ts');
    expect(hardening).toContain("app.on('web-contents-created'");
    expect(hardening).toContain('const keepInApp = keepNavigationInApp(devOrigin);');
    expect(hardening).toContain("contents.on('will-navigate', keepInApp);");
    expect(hardening).toContain("contents.on('will-redirect', keepInApp);");
    expect(read('electron/main/index.ts')).toContain('hardenApp(devOrigin);');
  });

  it('13. new windows limited: refused everywhere, except the presenter view from the main window', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    expect(read('electron/main/hardening.ts')).toContain('contents.setWindowOpenHandler(denyWindowOpen);');
    expect(presenterWindowOpen(presenterUrl, preloadPath).action).toBe('allow');
    for (const url of [
      'https://example.org/',
      `${appOrigin}/index.html#/casebook`,
      'file:///etc/passwd',
      'about:blank',
      `http://localhost:5173/#/present/${reviewId}`,
    ]) {
      expect(presenterWindowOpen(url, preloadPath), url).toEqual({ action: 'deny' });
    }
    // Only window.ts replaces the handler, and only with presenterWindowOpen.
    expect(filesContaining(/setWindowOpenHandler\(/, mainSources).sort()).toEqual([
      'electron/main/hardening.ts',
      'electron/main/window.ts',
    ]);
  });

  it('14. shell.openExternal is never used; shell.openPath opens only the exported email draft', () => {
    expect(filesContaining(/openExternal/)).toEqual([]);
    expect(filesContaining(/\bshell\b\s*\./)).toEqual(['electron/main/platform/exporter.ts']);
    const exporter = read('electron/main/platform/exporter.ts');
    expect(exporter.match(/shell\.\w+/g)).toEqual(['shell.openPath']);
    // The one path it opens is the .eml the app has just written into the folder the user chose.
    expect(exporter).toMatch(
      /const draft = files\.find\(\(file\) => file\.fileName\.endsWith\('\.eml'\)\);\s*if \(draft\) await shell\.openPath\(path\.join\(folder, path\.basename\(draft\.fileName\)\)\);/,
    );
  });

  it('15. a current Electron: 45 or later', () => {
    const pkg = JSON.parse(read('package.json')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    const declared = pkg.devDependencies.electron ?? pkg.dependencies.electron;
    expect(Number(/(\d+)\./.exec(declared ?? '')?.[1])).toBeGreaterThanOrEqual(45);
    const installed = JSON.parse(read('node_modules/electron/package.json')) as { version: string };
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('16. every IPC message’s sender is validated: the top frame of an app page', () => {
    expect(isTrustedSender({ url: appStartUrl, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: presenterUrl, isTopFrame: true })).toBe(true);
    for (const frame of [
      { url: appStartUrl, isTopFrame: false },
      { url: 'https://example.org/', isTopFrame: true },
      { url: 'file:///app/out/renderer/index.html', isTopFrame: true },
      { url: 'app://relational-review.evil/index.html', isTopFrame: true },
      { url: 'http://localhost:5173/', isTopFrame: true },
      { url: 'about:blank', isTopFrame: true },
    ]) {
      expect(isTrustedSender(frame), JSON.stringify(frame)).toBe(false);
    }
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true }, dev)).toBe(true);
    // Every file that answers IPC checks the sender, and the one handler does so before the router runs.
    const listeners = filesContaining(/ipcMain\.(handle|handleOnce|on|once)\(/, mainSources);
    expect(listeners).toContain('electron/main/ipc.ts');
    for (const file of listeners) expect(read(file), file).toContain('isTrustedSender(');
    const ipc = read('electron/main/ipc.ts');
    expect(ipc).toMatch(
      /if \(!isTrustedSender\(sender, devOrigin\)\) return unauthorised;\s*return core\.router\.call\(/,
    );
    expect(ipc).toContain('frame.parent === null');
  });

  it('17. no file:// for the renderer: a privileged app:// scheme, with path traversal refused', () => {
    expect(appScheme).toBe('app');
    expect(filesContaining(/loadFile\(|file:\/\/|registerFileProtocol|interceptFileProtocol/, mainSources)).toEqual([]);
    expect(read('electron/main/window.ts')).toContain('win.loadURL(devServerUrl ?? appStartUrl)');
    const registration =
      /registerSchemesAsPrivileged\(\[\s*\{ scheme: appScheme, privileges: \{([^}]*)\} \},?\s*\]\)/.exec(
        read('electron/main/protocol.ts'),
      );
    expect(registration).not.toBeNull();
    const privileges = (registration?.[1] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .sort();
    // Like https (a secure context that can fetch), and no more: no bypassCSP, corsEnabled, service workers.
    expect(privileges).toEqual(['secure: true', 'standard: true', 'supportFetchAPI: true']);
    const base = path.resolve('/srv/renderer');
    expect(resolveInside(base, '/')).toBe(path.join(base, 'index.html'));
    expect(resolveInside(base, '/assets/index.js')).toBe(path.join(base, 'assets', 'index.js'));
    for (const attack of [
      '/../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fsecret',
      '/..%5csecret',
      '/index.html%00.png',
      '/%E0%A4%A',
      '/assets/../../secret',
    ]) {
      expect(resolveInside(base, attack), attack).toBeNull();
    }
  });

  describe('17. (continued) the renderer’s files are served from inside their folder only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-hardening-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(dir, 'casebook.sqlite'), 'secret');

    it('serves the page, and nothing beside it', async () => {
      const rendererRoot = path.join(dir, 'renderer');
      expect((await readStaticFile(rendererRoot, '/index.html'))?.contentType).toBe('text/html; charset=utf-8');
      expect(await readStaticFile(rendererRoot, '/../casebook.sqlite')).toBeNull();
      expect(await readStaticFile(rendererRoot, '/%2e%2e/casebook.sqlite')).toBeNull();
      expect(await readStaticFile(rendererRoot, `/${'..%2f'.repeat(8)}etc/passwd`)).toBeNull();
    });
  });

  it('18. the custom protocol answers only GET and HEAD, only for relational-review, through the traversal guard', () => {
    const protocolSource = read('electron/main/protocol.ts');
    expect(appHost).toBe('relational-review');
    expect(protocolSource).toContain(
      "if (url.hostname !== appHost || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();",
    );
    expect(protocolSource).toContain('const file = await readStaticFile(rendererRoot, url.pathname);');
    expect(protocolSource.match(/protocol\.handle\(/g)).toHaveLength(1);
    expect(protocolSource).toContain('protocol.handle(appScheme,');
    // No other scheme is handled or intercepted anywhere in the main process.
    expect(filesContaining(/protocol\.(handle|register\w*Protocol|intercept\w*Protocol)\(/, mainSources)).toEqual([
      'electron/main/protocol.ts',
    ]);
    expect(protocolSource).not.toMatch(/register\w*Protocol|intercept\w*Protocol/);
  });

  it('19. no remote module', () => {
    const pkg = read('package.json');
    expect(pkg).not.toContain('@electron/remote');
    expect(
      filesContaining(
        /@electron\/remote|enableRemoteModule|\bremote\s*[,}]\s*from\s*'electron'|require\('electron'\)\.remote/,
      ),
    ).toEqual([]);
    for (const [name, prefs] of Object.entries(windows)) expect(prefs, name).not.toHaveProperty('enableRemoteModule');
  });

  describe('20. the preload exposes call and subscribe, and nothing of Electron', () => {
    const source = ts.createSourceFile(
      'index.ts',
      read('electron/preload/index.ts'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TS,
    );
    const nodes: ts.Node[] = [];
    const visit = (node: ts.Node) => {
      nodes.push(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    const calls = nodes.filter(ts.isCallExpression);
    const callee = (call: ts.CallExpression) => call.expression.getText(source);

    it('calls contextBridge.exposeInMainWorld once, with the transport object', () => {
      const exposed = calls.filter((call) => callee(call) === 'contextBridge.exposeInMainWorld');
      expect(exposed).toHaveLength(1);
      expect(exposed[0]?.arguments.map((arg) => arg.getText(source))).toEqual(['bridgeName', 'transport']);
      expect(bridgeName).toBe('relationalReview');
      // No other way of putting something on window.
      expect(nodes.filter((node) => ts.isIdentifier(node) && node.text === 'window')).toEqual([]);
      expect(calls.filter((call) => /exposeIn|executeInMainWorld/.test(callee(call)))).toHaveLength(1);
    });

    it('the transport object has exactly the keys call and subscribe', () => {
      const declaration = nodes.find(
        (node): node is ts.VariableDeclaration =>
          ts.isVariableDeclaration(node) && node.name.getText(source) === 'transport',
      );
      const initializer = declaration?.initializer;
      expect(initializer && ts.isObjectLiteralExpression(initializer)).toBe(true);
      if (!initializer || !ts.isObjectLiteralExpression(initializer)) return;
      expect(initializer.properties.every((p) => ts.isMethodDeclaration(p) || ts.isPropertyAssignment(p))).toBe(true);
      expect(initializer.properties.map((p) => p.name?.getText(source))).toEqual(['call', 'subscribe']);
    });

    it('never lets ipcRenderer or an IPC event reach the page', () => {
      // ipcRenderer is only ever the object of invoke, on or removeListener, and the results of on
      // and removeListener (ipcRenderer itself) are thrown away.
      const uses = nodes.filter(
        (node): node is ts.Identifier =>
          ts.isIdentifier(node) && node.text === 'ipcRenderer' && !ts.isImportSpecifier(node.parent),
      );
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) {
        const access = use.parent;
        expect(ts.isPropertyAccessExpression(access) && access.expression === use, use.parent.getText(source)).toBe(
          true,
        );
        if (!ts.isPropertyAccessExpression(access)) continue;
        expect(['invoke', 'on', 'removeListener']).toContain(access.name.text);
        const call = access.parent;
        expect(ts.isCallExpression(call) && call.expression === access).toBe(true);
        if (access.name.text !== 'invoke')
          expect(ts.isExpressionStatement(call.parent), call.getText(source)).toBe(true);
      }
      // The listener's first parameter (the IPC event, which holds the sender) is never used.
      const listeners = nodes.filter(
        (node): node is ts.ArrowFunction =>
          ts.isArrowFunction(node) &&
          node.parameters.length > 0 &&
          node.parameters[0]?.type?.getText(source) === 'IpcRendererEvent',
      );
      expect(listeners).toHaveLength(1);
      const eventName = listeners[0]?.parameters[0]?.name.getText(source) ?? '';
      const used: string[] = [];
      const collect = (node: ts.Node) => {
        if (ts.isIdentifier(node)) used.push(node.text);
        ts.forEachChild(node, collect);
      };
      if (listeners[0]) collect(listeners[0].body);
      expect(used).not.toContain(eventName);
      // What the page's handler gets is the event's data, not the event.
      expect(read('electron/preload/index.ts')).toContain('handler(event.data as');
    });
  });
});

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string; sanitizedName: string } };
}

interface AfterPackScript {
  afterPack(
    context: AfterPackContext,
    flip?: (binary: string, config: Record<string, unknown>) => Promise<number>,
  ): Promise<number>;
  fuseConfig(platform: string): Record<string | number, unknown>;
  electronBinaryPath(context: AfterPackContext): string;
  FuseV1Options: Record<string, number>;
}

describe('Electron fuses, flipped at package time (checklist: check which fuses you can change)', async () => {
  const script = createRequire(import.meta.url)('../../scripts/after-pack.cjs') as AfterPackScript;
  const fuses = await import('@electron/fuses');
  const outDir = path.resolve('/build/dist/unpacked');
  const context = (electronPlatformName: string): AfterPackContext => ({
    appOutDir: outDir,
    electronPlatformName,
    packager: {
      executableName: electronPlatformName === 'linux' ? 'relational-review' : undefined,
      appInfo: { productFilename: 'Relational Review', sanitizedName: 'relational-review' },
    },
  });

  it.each(['darwin', 'mas', 'win32', 'linux'])('sets every fuse, explicitly, for %s', (platform) => {
    const config = script.fuseConfig(platform);
    expect(config).toEqual({
      version: fuses.FuseVersion.V1,
      resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
      strictlyRequireAllFuses: true,
      [fuses.FuseV1Options.RunAsNode]: false,
      [fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [fuses.FuseV1Options.EnableNodeCliInspectArguments]: false,
      [fuses.FuseV1Options.OnlyLoadAppFromAsar]: true,
      [fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [fuses.FuseV1Options.EnableCookieEncryption]: true,
      [fuses.FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [fuses.FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [fuses.FuseV1Options.WasmTrapHandlers]: true,
    });
  });

  it('numbers the fuses as the installed @electron/fuses does', () => {
    for (const [name, index] of Object.entries(script.FuseV1Options)) {
      expect(fuses.FuseV1Options[name as keyof typeof fuses.FuseV1Options], name).toBe(index);
    }
  });

  it.each([
    ['darwin', path.join(outDir, 'Relational Review.app')],
    ['mas', path.join(outDir, 'Relational Review.app')],
    ['win32', path.join(outDir, 'Relational Review.exe')],
    ['linux', path.join(outDir, 'relational-review')],
  ])('flips the fuses of the packaged binary for %s, once', async (platform, binary) => {
    const flip = vi.fn(async () => 1);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await script.afterPack(context(platform), flip);
    log.mockRestore();
    expect(flip).toHaveBeenCalledExactlyOnceWith(binary, script.fuseConfig(platform));
  });

  it('flips them with the real @electron/fuses in a stand-in binary that carries a fuse wire', async () => {
    // Not Electron: a file with Electron's fuse sentinel and a nine-fuse wire set to Electron's
    // defaults ('1' on, '0' off), so the hook's whole path runs, library included.
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-fuses-'));
    try {
      const binary = path.join(dir, 'relational-review');
      const defaults = '101100011';
      writeFileSync(
        binary,
        Buffer.concat([
          Buffer.alloc(4096, 7),
          Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
          Buffer.from([1, defaults.length]),
          Buffer.from(defaults),
          Buffer.alloc(4096, 7),
        ]),
      );
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await script.afterPack({ ...context('linux'), appOutDir: dir });
      log.mockRestore();
      const wire = await fuses.getCurrentFuseWire(binary);
      const on = (fuse: number) => String.fromCharCode(Number(wire[fuse as keyof typeof wire]));
      expect(on(fuses.FuseV1Options.RunAsNode)).toBe('0');
      expect(on(fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
      expect(on(fuses.FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
      expect(on(fuses.FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
      expect(on(fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
      expect(on(fuses.FuseV1Options.EnableCookieEncryption)).toBe('1');
      expect(on(fuses.FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('0');
      expect(on(fuses.FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
      expect(on(fuses.FuseV1Options.WasmTrapHandlers)).toBe('1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build on a binary with a fuse the config does not set (a newer Electron), flipping nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-fuses-'));
    try {
      const binary = path.join(dir, 'relational-review');
      const tenFuses = '1011000111';
      const contents = Buffer.concat([
        Buffer.alloc(4096, 7),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, tenFuses.length]),
        Buffer.from(tenFuses),
        Buffer.alloc(4096, 7),
      ]);
      writeFileSync(binary, contents);
      await expect(script.afterPack({ ...context('linux'), appOutDir: dir })).rejects.toThrow(
        /strictlyRequireAllFuses/,
      );
      expect(readFileSync(binary).equals(contents)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives @electron/fuses the .app bundle on macOS, where it finds the Electron Framework', () => {
    const bundle = script.electronBinaryPath(context('darwin'));
    expect(fuses.pathToFuseFile(bundle)).toBe(
      path.join(bundle, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    );
  });

  it('names the Linux executable as electron-builder does when executableName is not given', () => {
    const { executableName: _none, ...packager } = context('linux').packager;
    expect(script.electronBinaryPath({ ...context('linux'), packager })).toBe(path.join(outDir, 'relational-review'));
  });

  it('refuses a platform it does not know rather than flipping nothing', async () => {
    await expect(script.afterPack(context('freebsd'), vi.fn())).rejects.toThrow(/freebsd/);
  });

  it('is electron-builder’s afterPack hook, with app.asar on and its integrity not disabled', () => {
    const config = read('electron-builder.yml');
    const hook = /^afterPack:\s*(\S+)\s*$/m.exec(config)?.[1];
    expect(hook).toBeDefined();
    expect(path.resolve(root, hook ?? '')).toBe(path.join(root, 'scripts', 'after-pack.cjs'));
    expect(config).toMatch(/^asar: true$/m);
    expect(config).not.toMatch(/disableAsarIntegrity|electronFuses|asar:\s*false/);
  });
});

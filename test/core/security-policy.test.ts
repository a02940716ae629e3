import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs } from '../../electron/main/args';
import {
  appStartUrl,
  devServerOrigin,
  isAllowedRequestUrl,
  isAppUrl,
  isPresenterUrl,
  isTrustedSender,
  presenterWindowOpen,
  windowWebPreferences,
} from '../../electron/main/security-policy';

const dev = 'http://localhost:5173';

describe('window webPreferences', () => {
  const prefs = windowWebPreferences('/app/out/preload/index.js');

  it('isolates and sandboxes the renderer, with web security on', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, webSecurity: true });
  });

  it('gives the page no Node, no webviews and nothing experimental', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('uses the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });
});

describe('requests the app may make', () => {
  it.each([
    'http://example.org/',
    'https://example.org/tracker.js',
    'ws://example.org/socket',
    'wss://example.org/socket',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'http://localhost:5173/',
    'app://other/index.html',
    'app://relational-review.evil/index.html',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it.each([
    'app://relational-review/index.html',
    'app://relational-review/assets/index-abc.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://relational-review/5d1c6f3e-0000-4000-8000-000000000000',
    'devtools://devtools/bundled/devtools_app.html',
  ])('allows %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it('allows the dev server only when it is given, and only that origin', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=abc', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://example.org/', dev)).toBe(false);
  });
});

describe('pages of the app itself', () => {
  it('accepts the app’s own pages', () => {
    expect(isAppUrl(appStartUrl)).toBe(true);
    expect(isAppUrl('app://relational-review/index.html#/reviews')).toBe(true);
  });

  it.each([
    'app://relational-review.evil/',
    'app://other/',
    'app://evil@relational-review/',
    'app://relational-review:8080/',
    'https://relational-review/',
    'file:///app/out/renderer/index.html',
    'http://localhost:5173/',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('accepts the dev server only when it is given', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.org/', dev)).toBe(false);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(false);
  });

  it('takes the dev server’s origin only from an http(s) URL', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe(dev);
    expect(devServerOrigin(undefined)).toBeUndefined();
    expect(devServerOrigin('file:///tmp/index.html')).toBeUndefined();
    expect(devServerOrigin('not a url')).toBeUndefined();
  });

  it('trusts IPC only from the top frame of an app page', () => {
    expect(isTrustedSender({ url: appStartUrl, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: appStartUrl, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true }, dev)).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('trusts IPC from the presenter window’s top frame too', () => {
    expect(isTrustedSender({ url: presenterUrl, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: presenterUrl, isTopFrame: false })).toBe(false);
  });
});

const reviewId = '5d1c6f3e-8a2b-4c1d-9e0f-123456789abc';
const presenterUrl = `app://relational-review/index.html#/present/${reviewId}`;

describe('the presenter window', () => {
  it.each([presenterUrl, `app://relational-review/#/present/${reviewId}`])('may open %s', (url) => {
    expect(isPresenterUrl(url)).toBe(true);
  });

  it.each([
    'app://relational-review/index.html',
    'app://relational-review/index.html#/reviews',
    `app://relational-review/index.html#/reviews/${reviewId}/run`,
    'app://relational-review/index.html#/present/',
    `app://relational-review/index.html#/present/${reviewId}/../../reviews`,
    `app://relational-review/index.html?next=x#/present/${reviewId}`,
    `app://relational-review/assets/other.html#/present/${reviewId}`,
    `app://relational-review.evil/index.html#/present/${reviewId}`,
    `app://evil@relational-review/index.html#/present/${reviewId}`,
    `app://relational-review:8080/index.html#/present/${reviewId}`,
    `app://other/index.html#/present/${reviewId}`,
    `https://relational-review/index.html#/present/${reviewId}`,
    `http://example.org/#/present/${reviewId}`,
    `https://example.org/#/present/${reviewId}`,
    `file:///app/out/renderer/index.html#/present/${reviewId}`,
    `javascript:alert(1)//#/present/${reviewId}`,
    `data:text/html,<p>hi</p>#/present/${reviewId}`,
    `http://localhost:5173/#/present/${reviewId}`,
    'about:blank',
    '',
  ])('may not open %s', (url) => {
    expect(isPresenterUrl(url)).toBe(false);
  });

  it('may open from the dev server only when it is given', () => {
    expect(isPresenterUrl(`http://localhost:5173/#/present/${reviewId}`, dev)).toBe(true);
    expect(isPresenterUrl(`http://localhost:5174/#/present/${reviewId}`, dev)).toBe(false);
    expect(isPresenterUrl(`http://localhost:5173/#/casebook`, dev)).toBe(false);
  });

  it('opens with the main window’s webPreferences and preload, and titled as the presenter', () => {
    const answer = presenterWindowOpen(presenterUrl, '/app/out/preload/index.js');
    expect(answer.action).toBe('allow');
    if (answer.action !== 'allow') return;
    expect(answer.overrideBrowserWindowOptions.webPreferences).toEqual(
      windowWebPreferences('/app/out/preload/index.js'),
    );
    expect(answer.overrideBrowserWindowOptions).toMatchObject({
      title: 'Relational Review – presenter',
      width: 1280,
      height: 720,
      autoHideMenuBar: true,
    });
  });

  it('refuses every other window', () => {
    expect(presenterWindowOpen('https://example.org/', '/app/out/preload/index.js')).toEqual({ action: 'deny' });
    expect(presenterWindowOpen('app://relational-review/index.html#/casebook', '/app/out/preload/index.js')).toEqual({
      action: 'deny',
    });
  });
});

describe('--data on the command line', () => {
  const cwd = path.resolve('/home/facilitator');

  it('is absent unless given', () => {
    expect(dataDirFromArgs(['/usr/bin/electron', '.'], cwd)).toBeUndefined();
  });

  it('reads --data <folder> and --data=<folder>', () => {
    expect(dataDirFromArgs(['electron', '.', '--data', '/tmp/case'], cwd)).toBe(path.resolve('/tmp/case'));
    expect(dataDirFromArgs(['relational-review', '--data=/tmp/case'], cwd)).toBe(path.resolve('/tmp/case'));
  });

  it('resolves a relative folder against the working directory', () => {
    expect(dataDirFromArgs(['electron', '--data', 'cases'], cwd)).toBe(path.join(cwd, 'cases'));
  });

  it('refuses --data without a folder rather than using the default one', () => {
    expect(() => dataDirFromArgs(['electron', '--data'], cwd)).toThrow(/--data option needs a folder/);
    expect(() => dataDirFromArgs(['electron', '--data='], cwd)).toThrow(/--data option needs a folder/);
    expect(() => dataDirFromArgs(['electron', '--data', '--inspect'], cwd)).toThrow(/--data option needs a folder/);
  });
});

/**
 * The main process's security decisions, kept free of 'electron' so plain Node tests can check
 * them. The glue in this folder applies them.
 */

export const appScheme = 'app';
export const appHost = 'relational-review';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/index.html`;

/**
 * The webPreferences of every window: Electron's security checklist, in full. The developer tools
 * only in a development build: a window is taken as packaged unless told otherwise (the main window
 * and the presenter view pass app.isPackaged; the printing window never needs them).
 */
export function windowWebPreferences(preloadPath: string, { packaged = true }: { packaged?: boolean } = {}) {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of the development server, or undefined when it is not a plain http(s) URL. */
export function devServerOrigin(rendererUrl: string | undefined): string | undefined {
  const url = rendererUrl ? parseUrl(rendererUrl) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return url.origin;
}

function isOwnAppUrl(url: URL): boolean {
  // app: is not a special scheme to WHATWG URL, so its origin reads "null": compare the parts.
  return (
    url.protocol === `${appScheme}:` &&
    url.hostname === appHost &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True for a page of the app itself: app://relational-review/..., or the dev server when given. */
export function isAppUrl(url: string, devOrigin?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (isOwnAppUrl(parsed)) return true;
  return devOrigin !== undefined && parsed.origin === devOrigin && parsed.username === '' && parsed.password === '';
}

const alwaysAllowedSchemes = new Set(['devtools:', 'data:', 'blob:']);

/**
 * Whether the app may make a request at all. It makes no network requests: only its own files,
 * data and blob URLs, the developer tools, and in development the dev server (including the
 * WebSocket of Vite's hot reload, which lives on the same host and port).
 */
export function isAllowedRequestUrl(url: string, devOrigin?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (alwaysAllowedSchemes.has(parsed.protocol)) return true;
  if (isAppUrl(url, devOrigin)) return true;
  if (devOrigin === undefined) return false;
  const dev = new URL(devOrigin);
  const socketProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.protocol === socketProtocol && parsed.host === dev.host;
}

const presenterPages = new Set(['/', '/index.html']);
const presenterHash = /^#\/present\/[A-Za-z0-9-]+$/;

/**
 * True for the presenter view and nothing else: the app's own page (or the dev server's, when
 * given) at #/present/<review id>. Only this may open in a window of its own.
 */
export function isPresenterUrl(url: string, devOrigin?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || !isAppUrl(url, devOrigin)) return false;
  return presenterPages.has(parsed.pathname) && parsed.search === '' && presenterHash.test(parsed.hash);
}

export const presenterWindowTitle = 'Relational Review – presenter';

/**
 * The answer to window.open from the main window: the presenter view opens in a window with the
 * same locked-down webPreferences and preload as the main window; everything else is refused.
 */
export function presenterWindowOpen(url: string, preloadPath: string, devOrigin?: string, packaged = true) {
  if (!isPresenterUrl(url, devOrigin)) return { action: 'deny' } as const;
  return {
    action: 'allow',
    overrideBrowserWindowOptions: {
      title: presenterWindowTitle,
      width: 1280,
      height: 720,
      minWidth: 640,
      minHeight: 400,
      autoHideMenuBar: true,
      backgroundColor: '#0f1a1c',
      webPreferences: windowWebPreferences(preloadPath, { packaged }),
    },
  } as const;
}

/** The answer to window.open from any web contents but the main window: no. */
export function denyWindowOpen() {
  return { action: 'deny' } as const;
}

/** The part of an Electron event the handlers below use. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A will-navigate or will-redirect event: where the page is about to go. */
export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The will-navigate and will-redirect handler: a page may only go to another page of the app. */
export function keepNavigationInApp(devOrigin?: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppUrl(event.url, devOrigin)) event.preventDefault();
  };
}

/** The will-attach-webview handler: the app has no webviews, so none may be attached. */
export function refuseWebview(event: PreventableEvent): void {
  event.preventDefault();
}

/** The session's permission request handler: every permission (camera, notifications...) is refused. */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** The session's permission check handler: no page holds any permission. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** The session's device permission handler: no USB, HID or serial device is offered to a page. */
export function denyDevicePermission(): boolean {
  return false;
}

/** The session's onBeforeRequest listener: cancels every request isAllowedRequestUrl refuses. */
export function requestFilter(
  devOrigin?: string,
): (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void {
  return (details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) });
}

/** What the IPC handler knows about the frame a call came from. */
export interface SenderFrame {
  url: string;
  isTopFrame: boolean;
}

/** Calls are answered only for the top frame of one of the app's own pages. */
export function isTrustedSender(frame: SenderFrame | null | undefined, devOrigin?: string): boolean {
  return !!frame && frame.isTopFrame && isAppUrl(frame.url, devOrigin);
}

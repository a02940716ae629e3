import { app, session } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from './security-policy';

/**
 * Applies the house rules to every web contents and to the session: no navigation away from the
 * app, no new windows or webviews, every permission denied, no request leaves the machine.
 * (The main window alone then allows one kind of new window, the presenter view: see window.ts.)
 */
export function hardenApp(devOrigin?: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const keepInApp = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url, devOrigin)) event.preventDefault();
    };
    contents.on('will-navigate', (event) => keepInApp(event, event.url));
    contents.on('will-redirect', (event) => keepInApp(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Call once the app is ready. */
export function hardenSession(devOrigin?: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) });
  });
}

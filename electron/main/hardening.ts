import { app, session } from 'electron';
import { keepDownloadsOwnerOnly } from './downloads';
import {
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  keepNavigationInApp,
  refuseWebview,
  requestFilter,
} from './security-policy';

/**
 * Applies the house rules to every web contents and to the session: no navigation away from the
 * app, no new windows or webviews, every permission denied, no request leaves the machine, and
 * saved downloads readable by their owner only.
 * (The main window alone then allows one kind of new window, the presenter view: see window.ts.)
 * The decisions themselves live in security-policy.ts, where test/core/hardening.test.ts checks them.
 */
export function hardenApp(devOrigin?: string): void {
  const keepInApp = keepNavigationInApp(devOrigin);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', keepInApp);
    contents.on('will-redirect', keepInApp);
    contents.on('will-attach-webview', refuseWebview);
    contents.setWindowOpenHandler(denyWindowOpen);
  });
}

/** Call once the app is ready. */
export function hardenSession(devOrigin?: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(denyDevicePermission);
  ses.webRequest.onBeforeRequest(requestFilter(devOrigin));
  keepDownloadsOwnerOnly(ses, (message) => console.error(message));
}

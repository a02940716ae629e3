import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { ipcChannels } from '@shared/api/transport';
import type { Core } from '@core/core';
import { appStartUrl, devServerOrigin, presenterWindowOpen, windowWebPreferences } from './security-policy';

export interface WindowOptions {
  core: Core;
  /** The dev server's URL in development; the app's own protocol otherwise. */
  devServerUrl?: string;
}

/** Pushes the core's events to a window until it closes. */
function forwardEvents(core: Core, win: BrowserWindow): void {
  const unsubscribe = core.events.subscribe((event) => {
    if (!win.webContents.isDestroyed()) win.webContents.send(ipcChannels.event, event);
  });
  win.on('closed', unsubscribe);
}

/**
 * Opens the main window and forwards the core's events to it until it closes. The main window
 * may open one kind of window: the presenter view, which gets the core's events too and closes
 * with the main window.
 */
export function createMainWindow({ core, devServerUrl }: WindowOptions): BrowserWindow {
  const preload = path.join(__dirname, '../preload/index.js');
  const win = new BrowserWindow({
    title: 'Relational Review',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: windowWebPreferences(preload, { packaged: app.isPackaged }),
  });
  win.once('ready-to-show', () => win.show());
  forwardEvents(core, win);

  // hardenApp has already told every web contents, this one included, to refuse new windows;
  // this replaces that for the main window alone, to let the presenter view (and nothing else) open.
  const devOrigin = devServerOrigin(devServerUrl);
  win.webContents.setWindowOpenHandler(({ url }) => presenterWindowOpen(url, preload, devOrigin, app.isPackaged));
  win.webContents.on('did-create-window', (presenter) => {
    forwardEvents(core, presenter);
    const closePresenter = () => {
      if (!presenter.isDestroyed()) presenter.close();
    };
    win.once('closed', closePresenter);
    presenter.once('closed', () => win.removeListener('closed', closePresenter));
  });

  void win.loadURL(devServerUrl ?? appStartUrl);
  return win;
}

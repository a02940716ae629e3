import path from 'node:path';
import { BrowserWindow } from 'electron';
import { ipcChannels } from '../../shared/api/transport';
import type { Core } from '../core/core';
import { appStartUrl, windowWebPreferences } from './security-policy';

export interface WindowOptions {
  core: Core;
  /** The dev server's URL in development; the app's own protocol otherwise. */
  devServerUrl?: string;
}

/** Opens the main window and forwards the core's events to it until it closes. */
export function createMainWindow({ core, devServerUrl }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Relational Review',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: windowWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win.show());

  const unsubscribe = core.events.subscribe((event) => {
    if (!win.webContents.isDestroyed()) win.webContents.send(ipcChannels.event, event);
  });
  win.on('closed', unsubscribe);

  void win.loadURL(devServerUrl ?? appStartUrl);
  return win;
}

import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { createCore, type Core } from '@core/core';
import { createExporter } from './platform/exporter';
import { createKeyStore } from './platform/key-store';
import { createPdfPrinter } from './platform/pdf-printer';
import { dataDirFromArgs } from './args';
import { hardenApp, hardenSession } from './hardening';
import {
  applicationMenuTemplate,
  refusedStartSwitches,
  refusedSwitchesMessage,
  refusedSwitchesTitle,
} from './packaged-policy';
import { handleCalls } from './ipc';
import { electronNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { devServerOrigin } from './security-policy';
import { createMainWindow } from './window';

const cannotOpenTitle = 'Relational Review cannot open its case book';

// The dev server is trusted only in development, and only when electron-vite has started one.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devServerOrigin(devServerUrl);

function main(): void {
  // Before anything else: the installed app does not run under a debugger or with its protections off.
  if (app.isPackaged) {
    const refused = refusedStartSwitches(process.argv, (name) => app.commandLine.hasSwitch(name));
    if (refused.length) {
      const message = refusedSwitchesMessage(refused);
      console.error(message);
      dialog.showErrorBox(refusedSwitchesTitle, message);
      app.exit(1);
      return;
    }
  }

  let dataDir: string;
  try {
    dataDir = dataDirFromArgs(process.argv, process.cwd()) ?? app.getPath('userData');
  } catch (error) {
    dialog.showErrorBox('Relational Review cannot start', messageOf(error));
    app.exit(2);
    return;
  }
  // A separate data folder is a separate instance: its own lock and its own browser profile.
  app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // British dates in date inputs and number formats, whatever the computer's own language.
  app.commandLine.appendSwitch('lang', 'en-GB');
  registerAppScheme();
  hardenApp(devOrigin);

  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;

  const openWindow = (openCore: Core) => {
    mainWindow = createMainWindow({ core: openCore, devServerUrl: devOrigin ? devServerUrl : undefined });
    mainWindow.on('closed', () => (mainWindow = undefined));
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    try {
      core = createCore({
        dataDir,
        appVersion: app.getVersion(),
        nativeBinding: electronNativeBinding(app.getAppPath(), process.versions.electron),
        printer: createPdfPrinter(),
        exporter: createExporter(),
        keyStore: createKeyStore(dataDir),
      });
    } catch (error) {
      dialog.showErrorBox(cannotOpenTitle, messageOf(error));
      app.quit();
      return;
    }
    const openCore = core;

    // None on Windows and Linux; on macOS one without the developer tools when packaged.
    const menu = applicationMenuTemplate({
      platform: process.platform,
      packaged: app.isPackaged,
      appName: app.name,
    });
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
    hardenSession(devOrigin);
    serveRenderer(path.join(__dirname, '../renderer'));
    handleCalls(openCore, devOrigin);
    openWindow(openCore);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow(openCore);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const closeCore = () => {
    core?.close();
    core = undefined;
  };
  app.on('before-quit', closeCore);
  app.on('will-quit', closeCore);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main();

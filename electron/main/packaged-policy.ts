/**
 * What the installed (packaged) app refuses or leaves out that a development build keeps: start-up
 * switches that open a debugger or weaken the sandbox, and the developer items of the menu. Kept
 * free of 'electron' so plain Node tests can check them (test/core/electron-hardening.test.ts);
 * index.ts applies them. The webPreferences' devTools setting is in security-policy.ts.
 */

/**
 * Switches the packaged app will not start with, each of which would let other software on the
 * computer drive the app or read what it shows (the open case book):
 * Chromium's remote debugging, Node's inspector (also off by the EnableNodeCliInspectArguments fuse),
 * V8 flags, switches that turn the sandbox or web security off, and those that run another program
 * in place of one of Chromium's own processes.
 */
export const refusedSwitches: readonly string[] = [
  // Chromium's DevTools protocol: a port or pipe that drives every page.
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  // Node's inspector in the main process.
  'inspect',
  'inspect-brk',
  'inspect-brk-node',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-wait',
  'debug',
  'debug-brk',
  'debug-port',
  // V8's own flags (natives syntax, an unhardened heap...).
  'js-flags',
  // The sandbox and web security.
  'no-sandbox',
  'disable-gpu-sandbox',
  'disable-setuid-sandbox',
  'disable-seccomp-filter-sandbox',
  'disable-namespace-sandbox',
  'single-process',
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-file-access-from-files',
  'allow-running-insecure-content',
  'enable-blink-features',
  'enable-experimental-web-platform-features',
  // Another program run in place of, or loaded into, Chromium's processes.
  'renderer-cmd-prefix',
  'gpu-launcher',
  'utility-cmd-prefix',
  'browser-subprocess-path',
  'load-extension',
];

const refused = new Set(refusedSwitches);

/**
 * The refused switches present at start, by name, in the order found: those in argv (written
 * `--name`, `--name=value`, or `-name`, and on Windows `/name`, as Chromium reads them, in any
 * case), then any other that the parsed command line has (hasSwitch: app.commandLine.hasSwitch).
 * Nothing after a bare `--` is a switch.
 */
export function refusedStartSwitches(
  argv: readonly string[],
  hasSwitch: (name: string) => boolean = () => false,
  platform: string = process.platform,
): string[] {
  const found: string[] = [];
  const note = (name: string) => {
    if (refused.has(name) && !found.includes(name)) found.push(name);
  };
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const prefix = /^(--|-)/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : undefined);
    if (!prefix) continue;
    const name = arg.slice(prefix.length).split('=', 1)[0]!.trim().toLowerCase();
    note(name);
  }
  for (const name of refusedSwitches) if (hasSwitch(name)) note(name);
  return found;
}

export const refusedSwitchesTitle = 'Relational Review will not start with debugging switches';

/** The message shown (and written to stderr) when the app refuses to start. */
export function refusedSwitchesMessage(names: readonly string[]): string {
  const list = names.map((name) => `--${name}`).join(', ');
  return (
    `Relational Review was started with ${list}. The installed app does not start with switches that ` +
    'open a debugger or turn its protections off, because they would let other software read the case ' +
    'book. Start it again without them (from its usual shortcut).'
  );
}

/** The roles of Electron's menu items that this app's menu uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close';

/** An item of the application menu, as Menu.buildFromTemplate takes it. */
export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

/** Menu items for developers: the developer tools, and reloading (which drops unsaved typing). */
export const developerMenuRoles: readonly MenuRole[] = ['toggleDevTools', 'reload', 'forceReload'];

const separator: MenuItemTemplate = { type: 'separator' };

/**
 * The application menu. Windows and Linux have none (null), as the app's own screens hold every
 * action. macOS needs one for its keyboard shortcuts (copy, paste, quit...): written out here
 * rather than Electron's default, so that a packaged build has no developer tools or reload in it.
 */
export function applicationMenuTemplate(options: {
  platform: string;
  packaged: boolean;
  appName: string;
}): MenuItemTemplate[] | null {
  if (options.platform !== 'darwin') return null;
  const developer: MenuItemTemplate[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  return [
    {
      label: options.appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'close' }],
    },
  ];
}

// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary, after the app is in place and before it is signed. Fuses are switches compiled into the
// Electron binary; once flipped, no command-line option or environment variable can turn them back.
// test/core/hardening.test.ts checks this file with a fake context, never a real binary.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS
const path = require('node:path');

// The values of @electron/fuses' FuseV1Options, which is an ES module: its enum is written out
// here so that the config can be built (and tested) synchronously. afterPack checks these against
// the installed @electron/fuses before flipping anything: a renumbered fuse, or one added that is
// not decided here, fails the build. So does a binary whose fuse wire holds a fuse this config
// does not set (strictlyRequireAllFuses), as a newer Electron would.
const FuseV1Options = Object.freeze({
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
  WasmTrapHandlers: 8,
});

/** The fuses for one platform ('darwin', 'mas', 'win32' or 'linux'). */
function fuseConfig(electronPlatformName) {
  return {
    version: '1', // FuseVersion.V1
    // Flipping a fuse changes the binary, which breaks the ad hoc signature an arm64 Mac needs to
    // start it at all; when the app is properly signed afterwards this changes nothing.
    resetAdHocDarwinSignature: isMac(electronPlatformName),
    // Every fuse in the binary must be set here, none left at Electron's default by omission.
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js with the app's own trust.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS (--require, --inspect...) would load any script into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and --inspect-brk would let a debugger drive the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app runs from resources/app.asar only, never from a loose app/ folder beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // macOS and Windows refuse an app.asar whose header does not match the hash electron-builder
    // embedded at package time (asar: true in electron-builder.yml must stay).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Chromium's cookie store is encrypted with the operating system's key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // file:// pages would get privileges beyond a browser's (fetch of other files, service workers...).
    // The app serves itself from app:// and loads no file:// page, so none needs them.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // One V8 snapshot for every process, as shipped: no second snapshot file to load (or replace).
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // WebAssembly's out-of-bounds accesses caught by V8's signal handlers (Electron's default, kept).
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

function isMac(electronPlatformName) {
  return electronPlatformName === 'darwin' || electronPlatformName === 'mas';
}

/**
 * The path @electron/fuses wants: the .app bundle on macOS (it finds the Electron Framework inside),
 * the .exe on Windows, the executable on Linux. This follows electron-builder's own
 * PlatformPackager.addElectronFuses: Linux names the executable after the package (lower case,
 * unless `executableName` is set), the others after the product.
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName ?? packager.appInfo.sanitizedName.toLowerCase());
    default:
      throw new Error(`Cannot set Electron's fuses for the platform "${electronPlatformName}".`);
  }
}

/** Fuses the installed @electron/fuses knows that this file does not decide: [] when in step. */
function undecidedFuses(installed) {
  return Object.keys(installed).filter((name) => Number.isNaN(Number(name)) && !(name in FuseV1Options));
}

async function loadFuses() {
  const fuses = await import('@electron/fuses');
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (fuses.FuseV1Options[name] !== index) {
      throw new Error(
        `@electron/fuses numbers the ${name} fuse ${fuses.FuseV1Options[name]}, not ${index}: update scripts/after-pack.cjs.`,
      );
    }
  }
  const undecided = undecidedFuses(fuses.FuseV1Options);
  if (undecided.length) {
    throw new Error(`@electron/fuses has fuses that scripts/after-pack.cjs does not set: ${undecided.join(', ')}.`);
  }
  if (fuses.FuseVersion.V1 !== '1')
    throw new Error('@electron/fuses has changed FuseVersion.V1: update scripts/after-pack.cjs.');
  return fuses.flipFuses;
}

/** The hook. `flip` is for tests: by default @electron/fuses' flipFuses. */
async function afterPack(context, flip) {
  const flipFuses = flip ?? (await loadFuses());
  const binary = electronBinaryPath(context);
  const config = fuseConfig(context.electronPlatformName);
  const sentinels = await flipFuses(binary, config);
  console.log(`  • Electron fuses set in ${binary}`);
  return sentinels;
}

module.exports = { afterPack, fuseConfig, electronBinaryPath, undecidedFuses, FuseV1Options };

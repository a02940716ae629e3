// npm run lint:electron: scans the app's source with @doyensec/electronegativity and fails when any
// finding is above LOW severity, unless the allow-list below explains why it is a false positive.
// Offline and deterministic: the two places where electronegativity reaches for the network (its
// translations, and the list of Electron releases) are answered locally or not run at all.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// What is scanned: the main process, the preload and the core (electron/), the renderer with its
// index.html and CSP (renderer/), the contract both share (shared/), and package.json, from which
// electronegativity reads the Electron version. They are copied into one folder so that the global
// checks (navigation limited, permission handler, CSP) see the whole app at once.
const scanned = ['electron', 'renderer', 'shared', 'package.json'];

const severityOrder = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const highestAllowed = 'LOW';

// Checks not run, with the reason.
const excludedChecks = [
  // Fetches Electron's release list from GitHub to compare versions: no network here. Instead
  // test/core/hardening.test.ts requires Electron 45 or later ("a current version of Electron").
  'AvailableSecurityFixesGlobalCheck',
];

/**
 * Findings above LOW that are false positives. Each names the check, the file, and a text that must
 * still be in that file for the reason to hold: if the code changes so that the text is gone, the
 * allowance lapses and the finding fails the run again.
 */
const allowList = [
  {
    checks: ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'],
    files: ['electron/main/window.ts'],
    requires: 'webPreferences: windowWebPreferences(preload, { packaged: app.isPackaged })',
    // electronegativity reads webPreferences only when they are written out inline at
    // `new BrowserWindow(...)`; here they come from windowWebPreferences() in security-policy.ts,
    // which sets contextIsolation, sandbox and webSecurity on and nodeIntegration off. The
    // hardening test checks that very object. (NODE_INTEGRATION_JS_CHECK passes on its own: it
    // knows nodeIntegration is off by default since Electron 5.)
    reason: 'webPreferences come from windowWebPreferences(), checked by test/core/hardening.test.ts',
  },
  {
    checks: ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'],
    files: ['electron/main/platform/pdf-printer.ts'],
    requires: '= windowWebPreferences(',
    // The hidden printing window spreads the same windowWebPreferences() (without the preload)
    // and adds javascript: false; the spread hides them from the scanner.
    reason: 'the printing window spreads windowWebPreferences(), checked by test/core/hardening.test.ts',
  },
  {
    checks: ['AUXCLICK_JS_CHECK'],
    files: ['electron/main/window.ts', 'electron/main/platform/pdf-printer.ts'],
    requires: 'new BrowserWindow(',
    // The check wants disableBlinkFeatures: 'Auxclick' because a middle click on a link does not
    // navigate (so will-navigate never sees it): it asks for a new window. In Electron 45 that
    // request goes to the window open handler like any other, and every web contents answers with
    // denyWindowOpen (the main window with presenterWindowOpen: the presenter view only); the
    // printing window runs no JavaScript and has no links to click. The hardening test checks both
    // handlers ("new windows limited").
    reason: 'middle clicks go through the window open handler, which refuses: see hardening.test.ts',
  },
];

/** Electronegativity asks the network for translations at start: answer with its bundled English. */
function keepOffline() {
  const electronegativity = require.resolve('@doyensec/electronegativity');
  const fromElectronegativity = createRequire(electronegativity);
  const refuse = () => Promise.reject(new Error('npm run lint:electron makes no network requests'));
  refuse.head = refuse;
  const gotPath = fromElectronegativity.resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse, children: [], paths: [] };
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
  }
}

function allowanceFor(issue, staged) {
  return allowList.find((entry) => {
    if (!entry.checks.includes(issue.id) || !entry.files.includes(issue.file)) return false;
    return readFileSync(path.join(staged, issue.file), 'utf8').includes(entry.requires);
  });
}

/**
 * The tool may still be finishing its report file when it answers, so the folder is removed with
 * retries; a folder left in the temp directory is no reason to fail the check.
 */
function removeQuietly(folder) {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch {
    console.log(`(Could not remove ${folder}; it holds only the report.)`);
  }
}

async function main() {
  keepOffline();
  console.log('(electronegativity says below that it could not fetch translations: it is kept offline on purpose.)');
  const { default: run } = await import('@doyensec/electronegativity');
  const work = mkdtempSync(path.join(tmpdir(), 'rr-electronegativity-'));
  const staged = path.join(work, 'app');
  const report = path.join(work, 'electronegativity.csv');
  try {
    for (const entry of scanned) cpSync(path.join(root, entry), path.join(staged, entry), { recursive: true });
    const result = await run({
      input: staged,
      output: report,
      isSarif: false,
      isRelative: true,
      electronVersionOverride: electronVersion(),
      excludeFromScan: excludedChecks,
    });
    const failures = [];
    const lines = [];
    for (const error of result.errors) {
      // A file electronegativity could not parse is a file it did not check.
      if (!error.tolerable) failures.push(`could not parse ${path.relative(staged, error.file)}: ${error.message}`);
    }
    for (const issue of result.issues) {
      const where = `${issue.file}:${issue.location.line}`;
      const label = `${issue.severity.name} ${issue.id} ${where}`;
      if (severityOrder.indexOf(issue.severity.name) <= severityOrder.indexOf(highestAllowed)) {
        lines.push(`  ok       ${label} (${issue.description})`);
        continue;
      }
      const allowance = allowanceFor(issue, staged);
      if (allowance) lines.push(`  allowed  ${label}: ${allowance.reason}`);
      else failures.push(`${label}: ${issue.description} (${issue.shortenedURL})`);
    }
    console.log(
      `electronegativity ${result.globalChecks + result.atomicChecks} checks over ${scanned.join(', ')} (Electron ${electronVersion()}):`,
    );
    for (const line of lines) console.log(line);
    if (failures.length > 0) {
      console.error(`\n${failures.length} finding(s) above ${highestAllowed}:`);
      for (const failure of failures) console.error(`  ${failure}`);
      console.error(`\nThe full report is in ${report}.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Nothing above ${highestAllowed} that is not explained in scripts/electronegativity.mjs.`);
    removeQuietly(work);
  } catch (error) {
    console.error(`npm run lint:electron could not run: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`Its working folder is ${work}.`);
    process.exitCode = 1;
  }
}

await main();

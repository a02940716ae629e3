// Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron-<version>/,
// leaving node_modules/better-sqlite3-multiple-ciphers/build (the Node build that tests and the
// web host load) untouched. The main process loads this copy through better-sqlite3's
// nativeBinding option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageName = 'better-sqlite3-multiple-ciphers';
const packageDir = path.join(root, 'node_modules', packageName);
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const targetDir = path.join(root, 'native', `electron-${electronVersion}`);
const target = path.join(targetDir, 'better_sqlite3.node');

if (existsSync(target)) {
  console.log(`The database engine for Electron ${electronVersion} is already built: ${path.relative(root, target)}`);
  process.exit(0);
}

/**
 * npm passes its `nodedir` setting (and its own node-gyp) to scripts as npm_config_* variables;
 * node-gyp then builds against Node's headers whatever --target says. Drop them all.
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    const key = name.toLowerCase();
    if (key === 'nodedir' || key === 'npm_config_nodedir' || key === 'npm_config_node_gyp') delete env[name];
  }
  return env;
}

const work = mkdtempSync(path.join(tmpdir(), 'rr-electron-sqlite-'));
const copy = path.join(work, packageName);
try {
  console.log(`Building the database engine for Electron ${electronVersion} (this takes a minute or two)...`);
  cpSync(packageDir, copy, {
    recursive: true,
    filter: (source) => path.relative(packageDir, source).split(path.sep)[0] !== 'build',
  });
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: copy, env: cleanEnv(), stdio: 'inherit' },
  );
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built))
    throw new Error(result.error?.message ?? `node-gyp exited with ${result.status ?? result.signal}`);
  mkdirSync(targetDir, { recursive: true });
  cpSync(built, target);
  console.log(`Built ${path.relative(root, target)}`);
} catch (error) {
  console.error(
    [
      '',
      `Could not build the database engine for Electron ${electronVersion}: ${error instanceof Error ? error.message : error}`,
      'Building for Electron needs network access to fetch Electron’s headers (from electronjs.org).',
      'Tests and the web host (npm run web) do not need this step: they use the Node build in node_modules.',
    ].join('\n'),
  );
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

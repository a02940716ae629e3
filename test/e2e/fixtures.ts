import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const repoRoot = path.resolve(__dirname, '../..');
const startLine = /^Relational Review web host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m;

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /**
   * Stops the host and starts a new one on the same data folder, as after closing the app;
   * `meanwhile` changes the folder while no host has it open (as an older version left it, say).
   */
  restart(meanwhile?: (dataDir: string) => void): Promise<void>;
  /** Stops the host and starts a new one on a new, empty data folder: a wiped case book. */
  wipe(): Promise<void>;
  /** Kills the host at once (SIGKILL, as in a crash or power cut), then starts it again on the same data. */
  crash(): Promise<void>;
  /** Calls the API as the page does, for checks behind the screen. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
}

interface HostProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
}

/** Starts `npm run web`'s host (without rebuilding) on a free port and waits for its one line. */
/** The passphrase every e2e case book is encrypted with. */
export const e2ePassphrase = 'a quiet lighthouse on the moor';

function startHost(dataDir: string, passphrase: string | null = e2ePassphrase): Promise<HostProcess> {
  // Node itself, with tsx as a loader: one process, so a kill reaches the host and nothing survives it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: passphrase === null ? { ...process.env, RR_PASSPHRASE: '' } : { ...process.env, RR_PASSPHRASE: passphrase },
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = startLine.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, port: Number(match[2]), token: match[3]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}):\n${stderr}`));
    });
  });
}

function stopHost(host: HostProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill(signal);
  });
}

/** A host on its own new data folder, and how to stop it and remove every folder it used. */
async function launchHost(hostPassphrase: string | null): Promise<{ host: RunningHost; dispose: () => Promise<void> }> {
  let dataDir = mkdtempSync(path.join(tmpdir(), 'rr-e2e-'));
  const folders = [dataDir];
  let current = await startHost(dataDir, hostPassphrase);
  const host: RunningHost = {
    get url() {
      return current.url;
    },
    get port() {
      return current.port;
    },
    get token() {
      return current.token;
    },
    get dataDir() {
      return dataDir;
    },
    async restart(meanwhile) {
      await stopHost(current);
      meanwhile?.(dataDir);
      current = await startHost(dataDir, hostPassphrase);
    },
    async crash() {
      await stopHost(current, 'SIGKILL');
      current = await startHost(dataDir, hostPassphrase);
    },
    async wipe() {
      await stopHost(current);
      dataDir = mkdtempSync(path.join(tmpdir(), 'rr-e2e-'));
      folders.push(dataDir);
      current = await startHost(dataDir, hostPassphrase);
    },
    async call<T>(method: string, input: unknown = {}) {
      const response = await fetch(`http://127.0.0.1:${current.port}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${current.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
      return body;
    },
  };
  return {
    host,
    async dispose() {
      await stopHost(current);
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ host: RunningHost; otherHost: RunningHost; hostPassphrase: string | null }>({
  /** The passphrase the host starts with; null starts it locked (or new), as the desktop app does. */
  hostPassphrase: [e2ePassphrase, { option: true }],
  host: async ({ hostPassphrase }, use) => {
    const { host, dispose } = await launchHost(hostPassphrase);
    await use(host);
    await dispose();
  },
  /** A second host with its own data folder: the other organisation's case book, on its own laptop. */
  otherHost: async ({ hostPassphrase }, use) => {
    const { host, dispose } = await launchHost(hostPassphrase);
    await use(host);
    await dispose();
  },
});

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious).toEqual([]);
}

export { expect };

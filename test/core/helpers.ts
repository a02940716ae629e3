import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { Logger } from '../../electron/core/router';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder under the system temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestCore extends Core {
  dataDir: string;
  logged: { message: string; error: unknown }[];
}

/** The real core on a real case book file in its own temp folder, closed after the test. */
export function testCore(dataDir = tempDir()): TestCore {
  const logged: TestCore['logged'] = [];
  const logger: Logger = { error: (message, error) => logged.push({ message, error }) };
  const core = createCore({ dataDir, appVersion: '0.0.0-test', logger });
  cleanups.push(() => core.close());
  return { ...core, dataDir, logged };
}

/** Calls through the router, as both hosts do, and unwraps a success. */
export async function callOk<T = unknown>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.router.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Calls through the router and returns the error, failing the test if the call succeeded. */
export async function callError(core: Core, method: string, input: unknown) {
  const result = await core.router.call(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '@shared/domain/vault';
import type { Clock } from '@core/clock';
import { caseBookFileName, createCore, type Core } from '@core/core';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import type { KeyStore } from '@core/platform/key-store';
import { waitMessage } from '@shared/domain/vault';
import { secondsToWait, waitAfter } from '@core/vault/unlock-delay';
import { Vault } from '@core/vault/vault';
import { callError, callOk, tempDir, testCore, testPassphrase } from './helpers';

const wrong = 'not the passphrase at all';
const refused = 'That passphrase does not open this case book. Check it and try again.';
const start = Date.parse('2026-12-01T09:00:00.000Z');

/** A clock the test moves by hand: no test sleeps. */
function handClock() {
  let now = start;
  const clock: Clock = () => new Date(now);
  return { clock, advance: (ms: number) => (now += ms), at: () => now };
}

/** A data folder holding an encrypted case book, and nothing else of note. */
function caseBookFolder(): string {
  const dataDir = tempDir();
  testCore(dataDir).close();
  return dataDir;
}

const lockedCore = (dataDir: string, clock: Clock, keyStore?: KeyStore) =>
  createCore({ dataDir, appVersion: 'test', clock, keyStore, automaticBackups: false, logger: { error: () => {} } });

const settingsOf = (dataDir: string) =>
  JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;

const lastUnlockAudit = (core: Core) =>
  core.context.db.get<{ detail: string }>(
    sql`SELECT detail FROM audit_log WHERE action = 'vault.unlocked' ORDER BY seq DESC LIMIT 1`,
  )!.detail;

describe('the wait after wrong passphrases', () => {
  it('is none for the first three, then 1 second, doubling, up to a minute', () => {
    expect(Array.from({ length: 12 }, (_, failures) => waitAfter(failures))).toEqual([
      0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
    expect(waitAfter(1_000_000)).toBe(60);
    const last = new Date(start).toISOString();
    expect(secondsToWait(6, last, new Date(start))).toBe(8);
    expect(secondsToWait(6, last, new Date(start + 7_200))).toBe(1);
    expect(secondsToWait(6, last, new Date(start + 8_000))).toBe(0);
    // A clock set back cannot make the wait longer than the full wait.
    expect(secondsToWait(6, last, new Date(start - 3_600_000))).toBe(8);
    expect(secondsToWait(2, last, new Date(start))).toBe(0);
    expect(waitMessage(8, 6)).toBe('Wait 8 seconds before trying again: the passphrase was wrong 6 times.');
    expect(waitMessage(1, 3)).toBe('Wait 1 second before trying again: the passphrase was wrong 3 times.');
  });

  it('is remembered after a restart, refuses a try within it (even the right passphrase), and a success resets the count', async () => {
    const dataDir = caseBookFolder();
    const time = handClock();
    const first = lockedCore(dataDir, time.clock);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await callError(first, 'vault.unlock', { passphrase: wrong })).toEqual({
        code: 'unauthorised',
        message: attempt < 3 ? refused : `${refused} It has been wrong 3 times, so the next try has to wait 1 second.`,
      });
      time.advance(100);
    }
    first.close();
    expect(settingsOf(dataDir)).toMatchObject({
      failedUnlocks: 3,
      lastFailedUnlockAt: new Date(time.at() - 100).toISOString(),
    });
    if (process.platform !== 'win32')
      expect((statSync(path.join(dataDir, 'settings.json')).mode & 0o777).toString(8)).toBe('600');

    // A new core on the same folder: the wait still holds, and is said next to the passphrase.
    const second = lockedCore(dataDir, time.clock);
    const message = 'Wait 1 second before trying again: the passphrase was wrong 3 times.';
    expect(await callError(second, 'vault.unlock', { passphrase: testPassphrase })).toEqual({
      code: 'unauthorised',
      message,
      fields: { passphrase: message },
    });
    // The status says so before anyone types, so that the unlock screen can show the wait.
    expect(await callOk<VaultStatus>(second, 'vault.status', {})).toMatchObject({
      state: 'locked',
      failedUnlocks: 3,
      unlockWaitSeconds: 1,
    });
    time.advance(900);
    expect(await callOk<VaultStatus>(second, 'vault.status', {})).toMatchObject({ unlockWaitSeconds: 0 });
    expect((await callOk<VaultStatus>(second, 'vault.unlock', { passphrase: testPassphrase })).state).toBe('unlocked');
    expect(JSON.parse(lastUnlockAudit(second))).toEqual({ failedAttemptsBefore: 3 });
    expect(await callOk<VaultStatus>(second, 'vault.status', {})).toMatchObject({
      failedUnlocks: 0,
      unlockWaitSeconds: 0,
    });
    expect(settingsOf(dataDir)).toMatchObject({ failedUnlocks: 0, lastFailedUnlockAt: null });
    second.close();

    // After the reset, three wrong ones are free again.
    const third = lockedCore(dataDir, time.clock);
    for (let attempt = 1; attempt <= 3; attempt += 1)
      expect((await callError(third, 'vault.unlock', { passphrase: wrong })).message).toMatch(/^That passphrase/);
    third.close();
  });

  it('grows with each wrong passphrase, and a try within it derives no key; after it, the key is tried', () => {
    const dataDir = caseBookFolder();
    const time = handClock();
    let opened = 0;
    const file = path.join(dataDir, caseBookFileName);
    const vault = new Vault(
      file,
      dataDir,
      (key) => {
        opened += 1;
        return openCaseBook({ file, key });
      },
      null,
      () => {},
      time.clock,
    );
    const attempt = (passphrase: string) => {
      try {
        vault.unlock(passphrase);
        return 'unlocked';
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (let failures = 1; failures <= 6; failures += 1) {
      time.advance(waitAfter(failures - 1) * 1000);
      expect(attempt(wrong)).toMatch(/^That passphrase does not open this case book/);
      expect(opened).toBe(failures);
    }
    expect(attempt(wrong)).toBe('Wait 8 seconds before trying again: the passphrase was wrong 6 times.');
    time.advance(7_500);
    expect(attempt(testPassphrase)).toBe('Wait 1 second before trying again: the passphrase was wrong 6 times.');
    // Neither try within the wait opened the file: no key was derived.
    expect(opened).toBe(6);
    time.advance(500);
    expect(attempt(wrong)).toBe(`${refused} It has been wrong 7 times, so the next try has to wait 16 seconds.`);
    expect(opened).toBe(7);
    time.advance(16_000);
    expect(attempt(testPassphrase)).toBe('unlocked');
    expect(opened).toBe(8);
    expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).toMatch(/"failedUnlocks": 0/);
    vault.lock();
  });

  it('holds for a passphrase tried on a backup while the case book is locked', async () => {
    const dataDir = tempDir();
    const time = handClock();
    const maker = testCore(dataDir, time.clock);
    const [backup] = await callOk<{ fileName: string }[]>(maker, 'vault.backupNow', {});
    maker.close();
    const core = lockedCore(dataDir, time.clock);
    const choice = (passphrase: string) => ({ fileName: backup!.fileName, passphrase });
    for (let attempt = 1; attempt <= 3; attempt += 1)
      expect((await callError(core, 'vault.previewBackup', choice(wrong))).code).toBe('unauthorised');
    expect((await callError(core, 'vault.restoreBackup', choice(testPassphrase))).message).toBe(
      'Wait 1 second before trying again: the passphrase was wrong 3 times.',
    );
    expect((await callError(core, 'vault.unlock', { passphrase: testPassphrase })).message).toMatch(/^Wait 1 second/);
    time.advance(1_000);
    await callOk(core, 'vault.restoreBackup', choice(testPassphrase));
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('unlocked');
    expect(settingsOf(dataDir)).toMatchObject({ failedUnlocks: 0 });
    core.close();
  });

  it('does not hold back a passphrase this device remembered, which is not a guess', async () => {
    const dataDir = caseBookFolder();
    const time = handClock();
    const guessed = lockedCore(dataDir, time.clock);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      time.advance(waitAfter(attempt - 1) * 1000);
      await callError(guessed, 'vault.unlock', { passphrase: wrong });
    }
    guessed.close();
    let stored: string | null = testPassphrase;
    const keyStore: KeyStore = {
      available: () => true,
      load: () => stored,
      save: (passphrase) => (stored = passphrase),
      clear: () => (stored = null),
    };
    const remembered = lockedCore(dataDir, time.clock, keyStore);
    expect((await callOk<VaultStatus>(remembered, 'vault.status', {})).state).toBe('unlocked');
    // Still remembered after it unlocked: it is not forgotten after its first use.
    expect(stored).toBe(testPassphrase);
    expect(JSON.parse(lastUnlockAudit(remembered))).toEqual({ failedAttemptsBefore: 5 });
    remembered.close();
  });
});

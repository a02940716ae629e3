import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Settings needed before the case book is unlocked; nothing in them is sensitive. The count of
 * wrong passphrases since the last unlock, and when the last was tried, are kept here so that
 * the wait before the next try (unlock-delay.ts) holds across a restart.
 */
export interface DeviceSettings {
  idleLockMinutes: number;
  backupsKept: number;
  failedUnlocks: number;
  /** ISO 8601 UTC; null when there has been no wrong passphrase since the last unlock. */
  lastFailedUnlockAt: string | null;
}

const defaults: DeviceSettings = { idleLockMinutes: 10, backupsKept: 14, failedUnlocks: 0, lastFailedUnlockAt: null };

const wholeNumber = (value: unknown, min: number, max: number, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : fallback;
};

const instant = (value: unknown) =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : null;

export function readSettings(dataDir: string): DeviceSettings {
  try {
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as Partial<DeviceSettings>;
    return {
      idleLockMinutes: wholeNumber(stored.idleLockMinutes, 1, 240, defaults.idleLockMinutes),
      backupsKept: wholeNumber(stored.backupsKept, 1, 365, defaults.backupsKept),
      failedUnlocks: wholeNumber(stored.failedUnlocks, 0, 1_000_000_000, defaults.failedUnlocks),
      lastFailedUnlockAt: instant(stored.lastFailedUnlockAt),
    };
  } catch {
    return { ...defaults };
  }
}

/**
 * Written readable by its owner only, like every file in the data folder (Linux and macOS), and
 * whole or not at all (written beside, then renamed): a crash never leaves it half written, which
 * would read as the defaults and forget the wrong passphrases.
 */
export function writeSettings(dataDir: string, settings: DeviceSettings): void {
  const file = path.join(dataDir, 'settings.json');
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  if (process.platform !== 'win32') chmodSync(partial, 0o600);
  renameSync(partial, file);
}

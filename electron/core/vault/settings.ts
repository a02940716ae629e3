import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Settings needed before the case book is unlocked; nothing in them is sensitive. */
export interface DeviceSettings {
  idleLockMinutes: number;
  backupsKept: number;
}

const defaults: DeviceSettings = { idleLockMinutes: 10, backupsKept: 14 };

const wholeNumber = (value: unknown, min: number, max: number, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : fallback;
};

export function readSettings(dataDir: string): DeviceSettings {
  try {
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as Partial<DeviceSettings>;
    return {
      idleLockMinutes: wholeNumber(stored.idleLockMinutes, 1, 240, defaults.idleLockMinutes),
      backupsKept: wholeNumber(stored.backupsKept, 1, 365, defaults.backupsKept),
    };
  } catch {
    return { ...defaults };
  }
}

/** Written readable by its owner only, like every file in the data folder (Linux and macOS). */
export function writeSettings(dataDir: string, settings: DeviceSettings): void {
  const file = path.join(dataDir, 'settings.json');
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}

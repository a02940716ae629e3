import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Settings needed before the case book is unlocked; nothing in them is sensitive. */
export interface DeviceSettings {
  idleLockMinutes: number;
}

const defaults: DeviceSettings = { idleLockMinutes: 10 };

export function readSettings(dataDir: string): DeviceSettings {
  try {
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as Partial<DeviceSettings>;
    const minutes = Number(stored.idleLockMinutes);
    return { idleLockMinutes: Number.isInteger(minutes) && minutes >= 1 && minutes <= 240 ? minutes : defaults.idleLockMinutes };
  } catch {
    return { ...defaults };
  }
}

export function writeSettings(dataDir: string, settings: DeviceSettings): void {
  writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

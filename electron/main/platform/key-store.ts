import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { KeyStore } from '@core/platform/key-store';

/**
 * "Remember on this device": the passphrase encrypted by the operating system's protected storage
 * (Keychain, DPAPI, libsecret), in a file beside the case book. Only this user on this computer can
 * read it back.
 */
export function createKeyStore(dataDir: string): KeyStore {
  const file = path.join(dataDir, 'remembered-passphrase.bin');
  return {
    // On Linux without a keyring Electron falls back to a fixed key, which protects nothing.
    available: () =>
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    load: () => (existsSync(file) ? safeStorage.decryptString(readFileSync(file)) : null),
    save: (passphrase) => writeFileSync(file, safeStorage.encryptString(passphrase), { mode: 0o600 }),
    clear: () => rmSync(file, { force: true }),
  };
}

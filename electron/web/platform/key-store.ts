import type { KeyStore } from '@core/platform/key-store';

/** The web host remembers no passphrase: "remember on this device" is the desktop app's (Electron safeStorage). */
export function createKeyStore(): KeyStore | null {
  return null;
}

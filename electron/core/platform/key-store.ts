/**
 * "Remember on this device": the desktop app keeps the passphrase in the operating system's
 * protected storage (Electron safeStorage). The web host and tests have none.
 */
export interface KeyStore {
  available(): boolean;
  load(): string | null;
  save(passphrase: string): void;
  clear(): void;
}

import type { vaultMethods } from '@shared/vault/contract';
import type { Handlers } from '@core/router';
import { listBackups } from './backups';
import type { Vault } from './vault';

/** The encrypted case book: passphrase, lock and backups. Each change answers with the vault's status. */
export function vaultHandlers(vault: Vault, dataDir: string): Pick<Handlers, keyof typeof vaultMethods> {
  return {
    'vault.status': () => vault.status(),
    'vault.create': (input) => (vault.create(input.passphrase, input.remember), vault.status()),
    'vault.unlock': (input) => (vault.unlock(input.passphrase, input.remember), vault.status()),
    'vault.lock': () => (vault.lock(), vault.status()),
    'vault.changePassphrase': (input) => {
      const change = vault.changePassphrase(input.current, input.passphrase);
      return { ...vault.status(), ...change };
    },
    'vault.setIdleLock': (input) => (vault.setIdleLockMinutes(input.minutes), vault.status()),
    'vault.backups': () => listBackups(dataDir),
    'vault.backupNow': () => (vault.backup('asked for'), listBackups(dataDir)),
    'vault.previewBackup': (input) => vault.previewBackup(input.fileName, input.passphrase),
    'vault.restoreBackup': (input) => (vault.restoreBackup(input.fileName, input.passphrase), vault.status()),
    'vault.removeBackups': (input) => (vault.removeBackups(input.fileNames), listBackups(dataDir)),
    'vault.setBackupsKept': (input) => (vault.setBackupsKept(input.keep), vault.status()),
  };
}

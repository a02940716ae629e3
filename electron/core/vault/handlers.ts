import type { vaultMethods } from '@shared/vault/contract';
import type { Handlers } from '@core/router';
import { listBackups } from './backups';
import type { Vault } from './vault';

/** The encrypted case book: passphrase, lock and backups. Each change answers with the vault's status. */
export function vaultHandlers(vault: Vault, dataDir: string): Pick<Handlers, keyof typeof vaultMethods> {
  return {
    'vault.status': () => vault.status(),
    'vault.create': (input) => (vault.create(input.passphrase, input.remember), vault.status()),
    // The backups an unlock or a restore strengthens are re-keyed after it, in the background:
    // the call answers once they are done, while the core answers others meanwhile.
    'vault.unlock': async (input) => {
      vault.unlock(input.passphrase, input.remember);
      await vault.strengthening;
      return vault.status();
    },
    'vault.lock': () => (vault.lock(), vault.status()),
    'vault.changePassphrase': async (input) => {
      const change = await vault.changePassphrase(input.current, input.passphrase);
      return { ...vault.status(), ...change };
    },
    'vault.setIdleLock': (input) => (vault.setIdleLockMinutes(input.minutes), vault.status()),
    'vault.backups': () => listBackups(dataDir),
    'vault.backupNow': () => (vault.backup('asked for'), listBackups(dataDir)),
    'vault.previewBackup': (input) => vault.previewBackup(input.fileName, input.passphrase),
    'vault.restoreBackup': async (input) => {
      await vault.strengthening;
      vault.restoreBackup(input.fileName, input.passphrase);
      await vault.strengthening;
      return vault.status();
    },
    'vault.removeBackups': (input) => (vault.removeBackups(input.fileNames), listBackups(dataDir)),
    'vault.setBackupsKept': (input) => (vault.setBackupsKept(input.keep), vault.status()),
  };
}

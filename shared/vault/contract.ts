import { method, noInput, returns } from '@shared/api/define';
import {
  backupChoiceSchema,
  backupKeepSchema,
  changePassphraseSchema,
  createVaultSchema,
  idleLockSchema,
  removeBackupsSchema,
  unlockSchema,
  type BackupPreview,
  type BackupSummary,
  type PassphraseChange,
  type VaultStatus,
} from '@shared/domain/vault';

/** The encrypted case book: its passphrase, its lock, and the encrypted backups beside it. */
export const vaultMethods = {
  'vault.status': method('reads', 'Whether the case book is new, locked or unlocked.', noInput, returns<VaultStatus>()),
  'vault.create': method(
    'audits',
    'Choose the passphrase the case book is encrypted with.',
    createVaultSchema,
    returns<VaultStatus>(),
  ),
  'vault.unlock': method('audits', 'Unlock the case book with its passphrase.', unlockSchema, returns<VaultStatus>()),
  'vault.lock': method(
    'audits',
    'Lock the case book: the key is dropped until it is unlocked again.',
    noInput,
    returns<VaultStatus>(),
  ),
  'vault.changePassphrase': method(
    'audits',
    'Change the passphrase; the backups made under the current one are re-encrypted under the new one.',
    changePassphraseSchema,
    returns<VaultStatus & PassphraseChange>(),
  ),
  'vault.setIdleLock': method(
    'audits',
    'Lock the case book after this many minutes without use.',
    idleLockSchema,
    returns<VaultStatus>(),
  ),
  'vault.backups': method(
    'reads',
    'The encrypted backups on this computer, newest first.',
    noInput,
    returns<BackupSummary[]>(),
  ),
  'vault.backupNow': method('audits', 'Make an encrypted, checked backup now.', noInput, returns<BackupSummary[]>()),
  'vault.previewBackup': method(
    'reads',
    'What a backup holds, before restoring it.',
    backupChoiceSchema,
    returns<BackupPreview>(),
  ),
  'vault.restoreBackup': method(
    'audits',
    'Put a backup in the case book’s place; what is there now is backed up first.',
    backupChoiceSchema,
    returns<VaultStatus>(),
  ),
  'vault.removeBackups': method(
    'audits',
    'Remove backups (those still under an earlier passphrase, say).',
    removeBackupsSchema,
    returns<BackupSummary[]>(),
  ),
  'vault.setBackupsKept': method('audits', 'How many backups to keep.', backupKeepSchema, returns<VaultStatus>()),
};

import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync } from 'node:fs';
import { ApiError } from '@shared/api/errors';
import {
  nextTryMessage,
  waitMessage,
  type BackupPreview,
  type BackupSummary,
  type PassphraseChange,
  type VaultProgress,
  type VaultState,
  type VaultStatus,
} from '@shared/domain/vault';
import {
  backupDue,
  discardStaged,
  hasOlderKeyScheme,
  listBackups,
  makeBackup,
  previewBackup,
  putStagedInPlace,
  rekeyBackup,
  removeBackups,
  removeUnfinishedBackups,
  stageBackup,
  type RekeyOutcome,
} from './backups';
import { systemClock, type Clock } from '@core/clock';
import { currentKeyScheme, keySchemeOf, ownerOnlyModes, type CaseBookDatabase } from '@core/db/database';
import type { KeyStore } from '@core/platform/key-store';
import { tightenDataFolder } from './owner-only';
import { readSettings, writeSettings, type DeviceSettings } from './settings';
import { registerPassphraseDictionaries } from './passphrase-dictionaries';
import { secondsToWait, waitAfter } from './unlock-delay';

const plainHeader = 'SQLite format 3\0';
const noFailures = { failedUnlocks: 0, lastFailedUnlockAt: null };

/** Whether the file is a plain (unencrypted) SQLite database: encrypted files have no readable header. */
function isPlain(file: string): boolean {
  const handle = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(handle, header, 0, 16, 0) === 16 && header.toString('latin1') === plainHeader;
  } finally {
    closeSync(handle);
  }
}

// The core checks new passphrases against the estimator's full dictionaries.
registerPassphraseDictionaries();

export const lockedMessage = 'The case book is locked. Unlock it with your passphrase to carry on.';

/**
 * The case book's lock: it is encrypted at rest with the user's passphrase, opened only by
 * unlocking, and closed (the key dropped) when locked, by hand or after a time without use.
 */
export class Vault {
  private db: CaseBookDatabase | null = null;
  /** Held only while unlocked, to check the backups made under it. */
  private passphrase: string | null = null;
  /** Read once; written through when changed (the wrong-passphrase count is read afresh at each try). */
  private settings: DeviceSettings;

  constructor(
    private readonly file: string,
    private readonly dataDir: string,
    private readonly open: (key: string | undefined) => CaseBookDatabase,
    private readonly keyStore: KeyStore | null,
    private readonly changed: (state: VaultState, audit?: { action: string; detail: Record<string, unknown> }) => void,
    /** The time the waits after wrong passphrases are counted in: the core's clock, fixed in tests. */
    private readonly clock: Clock = systemClock,
    /** How far re-keying the backups has gone, for the screens to show (the vault.progress event). */
    private readonly progress: (step: VaultProgress) => void = () => {},
  ) {
    this.settings = readSettings(dataDir);
    // Owner-only files (Linux and macOS), including those an older version made; nothing half done is kept.
    tightenDataFolder(dataDir);
    removeUnfinishedBackups(dataDir);
  }

  get database(): CaseBookDatabase {
    if (!this.db) throw new ApiError('locked', lockedMessage);
    return this.db;
  }

  get unlocked(): boolean {
    return this.db !== null;
  }

  status(): VaultStatus {
    const exists = existsSync(this.file);
    const unencrypted = exists && isPlain(this.file);
    const state: VaultState = this.db ? 'unlocked' : !exists || unencrypted ? 'new' : 'locked';
    const { settings } = this;
    const scheme = state === 'locked' ? keySchemeOf(this.file) : undefined;
    const { failedUnlocks, lastFailedUnlockAt } = state === 'locked' ? readSettings(this.dataDir) : noFailures;
    return {
      state,
      unencrypted,
      strengthenOnUnlock: scheme !== undefined && scheme !== currentKeyScheme,
      canRemember: this.keyStore?.available() ?? false,
      idleLockMinutes: settings.idleLockMinutes,
      backupsKept: settings.backupsKept,
      failedUnlocks,
      unlockWaitSeconds: secondsToWait(failedUnlocks, lastFailedUnlockAt, this.clock()),
    };
  }

  /** The first passphrase: a new, encrypted case book, or the encryption of one from before. */
  create(passphrase: string, remember = false): void {
    const status = this.status();
    if (status.state !== 'new')
      throw new ApiError('conflict', 'This case book already has a passphrase. Unlock it instead.');
    if (status.unencrypted) {
      const db = this.open(undefined);
      try {
        db.rekey(passphrase);
      } catch (error) {
        db.close();
        throw error;
      }
      this.db = db;
    } else {
      this.db = this.open(passphrase);
    }
    this.passphrase = passphrase;
    this.remember(passphrase, remember);
    this.changed('unlocked', { action: 'vault.created', detail: { encryptedExisting: status.unencrypted } });
  }

  /**
   * Opens the case book with a passphrase. After wrong ones, a try made before its wait is over
   * (unlock-delay.ts) is refused at once, with no key derived; a passphrase this device
   * remembered is not a guess, and does not wait.
   */
  unlock(passphrase: string, remember = false, { remembered = false } = {}): void {
    if (this.db) return;
    if (this.status().state !== 'locked')
      throw new ApiError('conflict', 'There is no case book to unlock yet: choose a passphrase to create one.');
    this.db = this.tryPassphrase(() => this.open(passphrase), { waits: !remembered });
    this.passphrase = passphrase;
    this.remember(passphrase, remember);
    const failed = this.forgetFailures();
    this.changed('unlocked', { action: 'vault.unlocked', detail: { failedAttemptsBefore: failed } });
    this.strengthen();
  }

  /**
   * Backups being re-keyed after an unlock or a restore, in the background: settled when they
   * are done (or given up, when the case book was locked meanwhile). Anything else that rewrites
   * backups waits for it first.
   */
  strengthening: Promise<void> = Promise.resolve();

  /**
   * A try of the passphrase while the case book is locked (unlocking it, or opening a backup
   * with it). Wrong passphrases are counted in settings.json, which outlives a restart, with
   * the time of the last; once the count calls for a wait, a try before it is over is refused
   * without running `attempt`, so no key is derived. The count is read from the file at each
   * try, so that another process on the same data folder shares it.
   */
  private tryPassphrase<T>(attempt: () => T, { waits = true } = {}): T {
    const { failedUnlocks, lastFailedUnlockAt } = readSettings(this.dataDir);
    if (waits) {
      const wait = secondsToWait(failedUnlocks, lastFailedUnlockAt, this.clock());
      if (wait > 0) {
        const message = waitMessage(wait, failedUnlocks);
        throw new ApiError('unauthorised', message, { passphrase: message });
      }
    }
    try {
      return attempt();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'unauthorised')) throw error;
      const failures = readSettings(this.dataDir).failedUnlocks + 1;
      this.saveSettings({ ...this.settings, failedUnlocks: failures, lastFailedUnlockAt: this.clock().toISOString() });
      const next = waitAfter(failures);
      throw next > 0 ? new ApiError('unauthorised', `${error.message} ${nextTryMessage(next, failures)}`) : error;
    }
  }

  /** After the right passphrase: the count starts again. Answers how many were wrong before it. */
  private forgetFailures(): number {
    const { failedUnlocks, lastFailedUnlockAt } = readSettings(this.dataDir);
    if (failedUnlocks > 0 || lastFailedUnlockAt !== null)
      this.saveSettings({ ...this.settings, failedUnlocks: 0, lastFailedUnlockAt: null });
    return failedUnlocks;
  }

  /**
   * A case book or backups from before Argon2id are re-keyed under it with the same passphrase,
   * once, at the unlock: the case book at once (the unlock screen says so while it runs), then its
   * backups in the background, one at a time, with their progress announced. Backups made under
   * another passphrase cannot be, and stay as they are. A failure leaves everything as it was,
   * still open; what was not done is tried again at the next unlock.
   */
  private strengthen(): void {
    const db = this.database;
    const passphrase = this.passphrase!;
    let caseBook = false;
    if (db.keyScheme !== currentKeyScheme) {
      try {
        db.rekey(passphrase);
        caseBook = true;
      } catch {
        // Left under its older scheme: it still opens, and the next unlock tries again.
      }
    }
    const older = listBackups(this.dataDir)
      .filter((backup) => hasOlderKeyScheme(this.dataDir, backup.fileName))
      .map((backup) => backup.fileName);
    this.strengthening = this.strengthening.then(async () => {
      const backups = await this.rekeyBackups(older, passphrase, passphrase, 'strengthen');
      // Backups under another passphrase are tried again at each unlock (quickly: theirs is the
      // old, cheap key derivation), but recorded only when something was re-keyed.
      if (this.db && (caseBook || backups.rekeyed))
        this.changed('unlocked', {
          action: 'vault.key.strengthened',
          detail: {
            scheme: currentKeyScheme.name,
            caseBook,
            backupsRekeyed: backups.rekeyed,
            backupsNotRekeyed: backups.left,
          },
        });
    });
  }

  /**
   * Re-keys backups one at a time, handing the core back between them so that it keeps
   * answering, and announcing each step. Stops when the case book is locked meanwhile: the
   * passphrases go with the lock, and the backups not reached stay as they were. Answers how many
   * were re-keyed, and those that were not (made under another passphrase, or failed).
   */
  private async rekeyBackups(
    fileNames: string[],
    from: string,
    to: string,
    task: VaultProgress['task'],
  ): Promise<{ rekeyed: number; left: string[] }> {
    const outcomes: [string, RekeyOutcome][] = [];
    const total = fileNames.length;
    for (const [done, fileName] of fileNames.entries()) {
      if (total > 0) this.progress({ task, done, total });
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.db) {
        outcomes.push(...fileNames.slice(done).map((name): [string, RekeyOutcome] => [name, 'failed']));
        break;
      }
      outcomes.push([fileName, rekeyBackup(this.dataDir, fileName, from, to)]);
    }
    if (total > 0) this.progress({ task, done: total, total });
    const is = (outcome: RekeyOutcome) => outcomes.filter(([, result]) => result === outcome).map(([name]) => name);
    return { rekeyed: is('rekeyed').length, left: [...is('other passphrase'), ...is('failed')].sort().reverse() };
  }

  /** Unlocks with a passphrase this device remembered, if there is one that still works. */
  unlockRemembered(): boolean {
    const remembered = this.keyStore?.available() ? this.keyStore.load() : null;
    if (!remembered || this.status().state !== 'locked') return false;
    try {
      this.unlock(remembered, true, { remembered: true });
      return true;
    } catch {
      this.keyStore?.clear();
      return false;
    }
  }

  lock(): void {
    if (!this.db) return;
    this.db.close();
    this.db = null;
    this.passphrase = null;
    this.changed('locked');
  }

  /** An encrypted, checked backup now; only the newest few are kept. */
  backup(reason: string): BackupSummary {
    const made = makeBackup(this.database, this.dataDir, this.passphrase!, this.settings.backupsKept);
    this.changed('unlocked', { action: 'backup.made', detail: { fileName: made.fileName, reason } });
    return made;
  }

  backupIfDue(): void {
    if (this.db && backupDue(this.dataDir)) this.backup('daily');
  }

  private backupKey(passphrase?: string): string {
    const key = passphrase || this.passphrase;
    if (!key)
      throw new ApiError('invalid_input', 'Enter the passphrase the backup was made with.', {
        passphrase: 'Enter the passphrase the backup was made with.',
      });
    return key;
  }

  /**
   * What a backup holds, checked as a restore checks it. While the case book is locked a
   * passphrase given here is a try like unlocking (the backups open with it), and waits alike.
   */
  previewBackup(fileName: string, passphrase?: string): BackupPreview {
    const key = this.backupKey(passphrase);
    const preview = () => previewBackup(this.dataDir, fileName, key);
    return this.db ? preview() : this.tryPassphrase(preview);
  }

  /**
   * Puts a backup in the case book's place. It is first copied beside the case book and checked
   * there (every page, its schema version, that it is a case book: backups.ts); one that fails
   * is refused with the reason, and nothing has changed: the case book stays as it was, open if
   * it was open. Then what is there now is backed up (or, if it cannot be opened, kept aside as
   * it is), so that a restore never loses anything, and the checked copy takes its place. A
   * backup from an older version is brought up to date as it opens, as the case book is.
   */
  restoreBackup(fileName: string, passphrase?: string): void {
    const key = this.backupKey(passphrase);
    const wasLocked = !this.db;
    const stage = () => stageBackup(this.dataDir, fileName, key);
    const staged = wasLocked ? this.tryPassphrase(stage) : stage();
    const before = this.passphrase;
    try {
      if (this.db) {
        this.backup('before restoring an earlier backup');
        this.db.close();
        this.db = null;
      } else if (existsSync(this.file)) {
        const aside = `${this.file}.set-aside-${Date.now()}`;
        copyFileSync(this.file, aside);
        if (ownerOnlyModes) chmodSync(aside, 0o600);
      }
      try {
        putStagedInPlace(staged, this.file);
      } catch (error) {
        // The case book is still the one that was open: it opens again as it was.
        if (!wasLocked && before) this.db = this.open(before);
        throw error;
      }
    } finally {
      discardStaged(staged);
    }
    this.db = this.open(key);
    this.passphrase = key;
    // Restoring while locked opened the case book with a passphrase: the count of wrong ones starts again.
    const failed = wasLocked ? { failedAttemptsBefore: this.forgetFailures() } : {};
    this.changed('unlocked', {
      action: 'backup.restored.file',
      detail: { fileName, createdAt: staged.preview.createdAt, ...failed },
    });
    this.strengthen();
  }

  /** Removes backups the user chose to remove (those still under an earlier passphrase, say). */
  removeBackups(fileNames: readonly string[]): void {
    if (!this.db) throw new ApiError('locked', lockedMessage);
    removeBackups(this.dataDir, fileNames);
    this.changed('unlocked', { action: 'backup.removed', detail: { fileNames } });
  }

  setBackupsKept(keep: number): void {
    this.saveSettings({ ...this.settings, backupsKept: keep });
  }

  /**
   * Re-encrypts the case book under a new passphrase, then every backup made under the current
   * one, so that a passphrase changed because it was seen opens nothing from now on, and
   * backups go on being made and checked under the new one. Backups made under an earlier
   * passphrase cannot be re-keyed: they are named in the answer, to be removed if the user wants.
   */
  async changePassphrase(current: string, next: string): Promise<PassphraseChange> {
    await this.strengthening;
    const db = this.database;
    // Proves the current passphrase on a second connection before anything changes.
    this.open(current).close();
    db.rekey(next);
    this.passphrase = next;
    if (this.keyStore?.available() && this.keyStore.load() !== null) this.keyStore.save(next);
    const backups = await this.rekeyBackups(
      listBackups(this.dataDir).map((backup) => backup.fileName),
      current,
      next,
      'passphrase',
    );
    this.changed('unlocked', {
      action: 'vault.passphrase.changed',
      detail: { backupsRekeyed: backups.rekeyed, backupsNotRekeyed: backups.left },
    });
    return { backupsRekeyed: backups.rekeyed, backupsUnderEarlierPassphrase: backups.left };
  }

  setIdleLockMinutes(minutes: number): void {
    this.saveSettings({ ...this.settings, idleLockMinutes: minutes });
  }

  get idleLockMinutes(): number {
    return this.settings.idleLockMinutes;
  }

  private saveSettings(settings: DeviceSettings): void {
    writeSettings(this.dataDir, settings);
    this.settings = settings;
  }

  private remember(passphrase: string, remember: boolean): void {
    if (!this.keyStore?.available()) return;
    if (remember) this.keyStore.save(passphrase);
    else this.keyStore.clear();
  }
}

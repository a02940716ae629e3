import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { contract, type AppInfo, type MethodName } from '@shared/api/contract';
import { appHandlers } from './app/handlers';
import { casebookHandlers } from './casebook/handlers';
import { systemClock, type Clock } from './clock';
import { builtInDeckFile, loadBuiltInDeck } from './deck/built-in';
import { deckHandlers } from './deck/handlers';
import { getDeck } from './deck/library';
import { sessionHandlers } from './sessions/handlers';
import { visitHandlers } from './visits/handlers';
import { minutesHandlers } from './minutes/handlers';
import { overviewHandlers } from './overview/handlers';
import { offerAsDownloads, type FileExporter } from './platform/exporter';
import type { PdfPrinter } from './platform/pdf-printer';
import type { ServiceContext } from './context';
import { openCaseBook } from './db/database';
import { appendAudit } from './audit';
import { createAuditAnchor } from './audit-anchor';
import { subjectOf } from './audit-subject';
import type { DeckLibrary } from './deck/library';
import type { SessionContext } from './sessions/context';
import type { KeyStore } from './platform/key-store';
import { vaultHandlers } from './vault/handlers';
import { Vault } from './vault/vault';
import { EventBus } from './events';
import { createRouter, stderrLogger, type Handlers, type Logger, type Router } from './router';

export interface CoreOptions {
  /** The folder that holds the case book. Created if missing. */
  dataDir: string;
  appVersion: string;
  /** Path to a better-sqlite3 binary built for this runtime; Node's own build when absent. */
  nativeBinding?: string;
  clock?: Clock;
  logger?: Logger;
  /** The built-in deck file; the one in resources/ unless a test gives another. */
  builtInDeck?: unknown;
  /** Prints the minutes to PDF: Electron's own, or Chromium's for the web host. None: sealing is refused. */
  printer?: PdfPrinter;
  /** Where exported files go: a folder the user picks (desktop), or downloads (web host). */
  exporter?: FileExporter;
  /** Unlocks the case book at start (creating it if new): the web host, the demo and tests. */
  passphrase?: string;
  /** The operating system's protected storage, for "remember on this device". */
  keyStore?: KeyStore | null;
  /** Automatic backups: daily and on close (default on; tests turn them off). */
  automaticBackups?: boolean;
}

export interface Core {
  router: Router;
  events: EventBus;
  info: AppInfo;
  context: ServiceContext;
  vault: Vault;
  /** Locks the case book if it has not been used for the idle time (run by a timer; tests call it). */
  lockIfIdle(now?: number): void;
  close(): void;
}

export const caseBookFileName = 'casebook.sqlite';

/**
 * Every successful change is recorded in the audit log in the same transaction as the change:
 * if either fails, neither happens. Methods that record themselves are left as they are.
 */
function recordChanges(context: ServiceContext, handlers: Handlers): Handlers {
  const recorded = { ...handlers } as Record<string, (input: unknown) => unknown>;
  for (const name of Object.keys(handlers) as MethodName[]) {
    if (contract[name].effect !== 'writes') continue;
    const handler = handlers[name] as (input: unknown) => unknown;
    recorded[name] = (input) =>
      context.db.transaction(() => {
        const value = handler(input);
        const created = typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : '';
        appendAudit(context, {
          action: name,
          subjectKind: name.split('.')[0]!,
          subjectId: subjectOf(input) || created,
        });
        return value;
      });
  }
  return recorded as Handlers;
}

/**
 * Wires every service to the router over the case book in dataDir. The case book is encrypted:
 * until it is unlocked, only the vault's methods answer and every other call says it is locked.
 */
export function createCore(options: CoreOptions): Core {
  // Checked before the case book is touched: a damaged deck stops the app with a message.
  const builtIn = loadBuiltInDeck(options.builtInDeck ?? builtInDeckFile);
  mkdirSync(options.dataDir, { recursive: true });
  const caseBookFile = path.join(options.dataDir, caseBookFileName);
  const events = new EventBus();
  const anchor = createAuditAnchor(options.dataDir);
  const clock = options.clock ?? systemClock;
  const vault: Vault = new Vault(
    caseBookFile,
    options.dataDir,
    (key) => openCaseBook({ file: caseBookFile, nativeBinding: options.nativeBinding, key }),
    options.keyStore ?? null,
    (state, audit) => {
      if (audit && vault.unlocked) {
        // A restore says, in the trail it brings back, how far the trail it replaced had reached.
        const detail =
          audit.action === 'backup.restored.file'
            ? { ...audit.detail, replacedTrailHead: anchor.anchored() }
            : audit.detail;
        context.db.transaction(() =>
          appendAudit(context, { ...audit, detail, subjectKind: 'case_book', subjectId: caseBookFileName }),
        );
        // A new case book or a restored backup starts the anchored chain afresh; anything else moves it on.
        if (audit.action === 'vault.created' || audit.action === 'backup.restored.file') anchor.reset(context);
        else anchor.record(context);
      }
      events.emit('vault.changed', { state });
    },
    clock,
    (step) => events.emit('vault.progress', step),
  );
  // The case book is reached through this getter, so a locked one answers "locked", never a crash.
  const context: ServiceContext = {
    get db() {
      return vault.database;
    },
    clock,
    events,
  };
  const info: AppInfo = {
    appName: 'Relational Review',
    version: options.appVersion,
    dataDir: options.dataDir,
    caseBookFile,
    get schemaVersion() {
      return vault.unlocked ? vault.database.schemaVersion : null;
    },
  };
  const library: DeckLibrary = Object.assign(Object.create(context) as ServiceContext, { builtIn });
  const sessionContext: SessionContext = Object.assign(Object.create(context) as ServiceContext, {
    decks: { builtInId: builtIn.id, get: (deckId: string) => getDeck(library, deckId) },
  });

  const router = createRouter(
    recordChanges(context, {
      ...appHandlers(context, info, anchor),
      ...vaultHandlers(vault, options.dataDir),
      ...casebookHandlers(context, options.appVersion),
      ...deckHandlers(library),
      ...overviewHandlers(context),
      ...sessionHandlers(sessionContext),
      ...visitHandlers(context),
      ...minutesHandlers(sessionContext, {
        appVersion: options.appVersion,
        printer: options.printer ?? null,
        exporter: options.exporter ?? offerAsDownloads,
      }),
    }),
    options.logger ?? stderrLogger,
  );

  if (options.passphrase !== undefined) {
    if (vault.status().state === 'new') vault.create(options.passphrase);
    else vault.unlock(options.passphrase);
  } else {
    vault.unlockRemembered();
  }

  let lastUse = Date.now();
  const automaticBackups = options.automaticBackups ?? true;
  const lockIfIdle = (now = Date.now()) => {
    if (vault.unlocked && now - lastUse >= vault.idleLockMinutes * 60_000) vault.lock();
  };
  const idleTimer = setInterval(() => {
    lockIfIdle();
    if (automaticBackups) backupQuietly(() => vault.backupIfDue());
  }, 15_000);
  // A failed automatic backup must never stop the app; the next one is tried in time.
  const backupQuietly = (work: () => void) => {
    try {
      work();
    } catch (error) {
      (options.logger ?? stderrLogger).error('an automatic backup failed', error);
    }
  };
  idleTimer.unref();
  const tracked: Router = {
    async call(method, input) {
      lastUse = Date.now();
      const result = await router.call(method, input);
      // What a call wrote is in the audit chain by now: the anchor beside the case book follows it.
      if (result.ok && vault.unlocked && contract[method as MethodName]?.effect !== 'reads') anchor.record(context);
      return result;
    },
  };

  return {
    router: tracked,
    events,
    info,
    context,
    vault,
    lockIfIdle,
    close: () => {
      clearInterval(idleTimer);
      if (automaticBackups && vault.unlocked) backupQuietly(() => vault.backup('on close'));
      anchor.flush();
      vault.lock();
    },
  };
}

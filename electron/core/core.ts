import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../shared/api/contract';
import { createHome, listHomes } from './casebook/homes';
import { createOrganisation, listOrganisations } from './casebook/organisations';
import { systemClock, type Clock } from './clock';
import type { ServiceContext } from './context';
import { openCaseBook } from './db/database';
import { EventBus } from './events';
import { createRouter, stderrLogger, type Logger, type Router } from './router';

export interface CoreOptions {
  /** The folder that holds the case book. Created if missing. */
  dataDir: string;
  appVersion: string;
  /** Path to a better-sqlite3 binary built for this runtime; Node's own build when absent. */
  nativeBinding?: string;
  clock?: Clock;
  logger?: Logger;
}

export interface Core {
  router: Router;
  events: EventBus;
  info: AppInfo;
  close(): void;
}

export const caseBookFileName = 'casebook.sqlite';

/** Opens the case book in dataDir and wires every service to the router. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const caseBookFile = path.join(options.dataDir, caseBookFileName);
  const db = openCaseBook({ file: caseBookFile, nativeBinding: options.nativeBinding });
  const events = new EventBus();
  const context: ServiceContext = { db, clock: options.clock ?? systemClock, events };
  const info: AppInfo = {
    appName: 'Relational Review',
    version: options.appVersion,
    dataDir: options.dataDir,
    caseBookFile,
    schemaVersion: db.schemaVersion,
  };

  const router = createRouter(
    {
      'app.info': () => info,
      'organisations.list': (input) => listOrganisations(context, input),
      'organisations.create': (input) => createOrganisation(context, input),
      'homes.list': (input) => listHomes(context, input),
      'homes.create': (input) => createHome(context, input),
    },
    options.logger ?? stderrLogger,
  );

  return { router, events, info, close: () => db.close() };
}

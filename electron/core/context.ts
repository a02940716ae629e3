import type { Clock } from './clock';
import type { CaseBookDatabase } from './db/database';
import type { EventBus } from './events';

/** What every service gets: the case book, the clock and the event bus. */
export interface ServiceContext {
  db: CaseBookDatabase;
  clock: Clock;
  events: EventBus;
}

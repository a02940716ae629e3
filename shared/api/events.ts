import type { VaultProgress } from '@shared/domain/vault';

/** Events the core pushes to every connected renderer. */
export interface ServerEvents {
  'casebook.changed': { kind: 'organisation' | 'home' | 'person' | 'placement' | 'review' | 'all'; id: string | null };
  'deck.changed': { deckId: string };
  /** The case book was locked (by hand or after idling) or unlocked. */
  'vault.changed': { state: 'new' | 'locked' | 'unlocked' };
  /** Backups being re-keyed, one at a time: how many of how many are done. */
  'vault.progress': VaultProgress;
  /** A running review changed: its state (stage, timer, cards, turn, actions) or only its notes. */
  'session.changed': { reviewId: string; part: 'state' | 'notes' };
  /** Minutes were written, locked, signed, sealed, imported or countersigned, or a key became known. */
  'minutes.changed': Record<string, never>;
  /** A visit or its notes changed (notes only: the visit's own fields are unchanged). */
  'visits.changed': { visitId: string; homeId: string; part: 'visit' | 'notes' };
}
export type EventName = keyof ServerEvents;
export type ServerEvent = { [E in EventName]: { name: E; data: ServerEvents[E] } }[EventName];

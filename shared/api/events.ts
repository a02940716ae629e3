/** Events the core pushes to every connected renderer. */
export interface ServerEvents {
  'casebook.changed': { kind: 'organisation' | 'home' | 'person' | 'placement' | 'review' | 'all'; id: string | null };
  'deck.changed': { deckId: string };
}
export type EventName = keyof ServerEvents;
export type ServerEvent = { [E in EventName]: { name: E; data: ServerEvents[E] } }[EventName];

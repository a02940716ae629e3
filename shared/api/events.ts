/** Events the core pushes to every connected renderer. */
export interface ServerEvents {
  'casebook.changed': { kind: 'organisation' | 'home'; id: string };
}
export type EventName = keyof ServerEvents;
export type ServerEvent = { [E in EventName]: { name: E; data: ServerEvents[E] } }[EventName];

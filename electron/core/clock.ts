/** Times are stored as ISO 8601 UTC. A clock is injected so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock): string => clock().toISOString();

import type { Query, QueryClient } from '@tanstack/react-query';
import type { EventName, ServerEvents } from '@shared/api/events';
import type { ApiClient } from './client';
import { methodOf } from './queryKeys';

type Concerns = { [E in EventName]: (data: ServerEvents[E]) => (query: Query) => boolean };

const readsDeck = (method: string) => method.startsWith('decks.') || method.startsWith('cards.');
const readsVault = (method: string) => method.startsWith('vault.') || method === 'app.info';
const readsMinutes = (method: string) => method.startsWith('minutes.') || method.startsWith('signing.');
const readsVisits = (method: string) => method.startsWith('visits.') || method.startsWith('overview.');
const inputOf = (query: Query) => query.queryKey[1] as Record<string, unknown> | undefined;

/**
 * Which queries each server event makes stale. Notes saved as they are typed change only the
 * notes, which the screen typing them already shows: nothing is read again for those.
 */
const concerns: Concerns = {
  'casebook.changed': () => (query) => !readsDeck(methodOf(query.queryKey)) && !readsVault(methodOf(query.queryKey)),
  'deck.changed': () => (query) => readsDeck(methodOf(query.queryKey)),
  'vault.changed': () => (query) => readsVault(methodOf(query.queryKey)),
  // Only the progress shown while backups are re-keyed: the work's end is announced as a change.
  'vault.progress': () => () => false,
  'minutes.changed': () => (query) =>
    readsMinutes(methodOf(query.queryKey)) || methodOf(query.queryKey) === 'overview.get',
  // Notes typed at a visit are already on the screen typing them: the visit itself is not read
  // again for those, only what sums its notes up elsewhere.
  'visits.changed':
    ({ part }) =>
    (query) => {
      const method = methodOf(query.queryKey);
      if (method === 'visits.get') return part === 'visit';
      return readsVisits(method) || method === 'search.query';
    },
  'session.changed':
    ({ reviewId, part }) =>
    (query) => {
      if (part !== 'state') return false;
      const method = methodOf(query.queryKey);
      if (method === 'sessions.get') return inputOf(query)?.reviewId === reviewId;
      // A running review's status, the check-in ratings it reveals, and the actions due it changes.
      return method.startsWith('reviews.') || method === 'checkin.history' || method === 'overview.get';
    },
};

const events = Object.keys(concerns) as EventName[];

/** Subscribes to every server event, each making stale the queries it concerns. Answers the unsubscribe. */
export function invalidateOnServerEvents(client: ApiClient, queryClient: QueryClient): () => void {
  const unsubscribes = events.map((event) =>
    client.subscribe(event, (data) => {
      const concerned = (concerns[event] as (data: unknown) => (query: Query) => boolean)(data);
      void queryClient.invalidateQueries({ predicate: concerned });
    }),
  );
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

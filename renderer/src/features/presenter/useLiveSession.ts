import { useEffect, useState } from 'react';
import type { DeckCard } from '@shared/deck/decks';
import type { Session } from '@shared/domain/sessions';
import { api, errorMessage } from '@renderer/api/client';

export interface LiveSession {
  session: Session;
  /** When the session was read (Date.now()), so a running timer can count on from it. */
  readAt: number;
}

/**
 * The review's session as it runs: read once, then again whenever the facilitator changes its
 * state (stage, timer, cards, turn). Changes to notes alone are ignored. A late answer never
 * overwrites a newer one.
 */
export function useLiveSession(reviewId: string): { live: LiveSession | null; error: string | null } {
  const [state, setState] = useState<{ live: LiveSession | null; error: string | null }>({ live: null, error: null });

  useEffect(() => {
    let active = true;
    let latest = 0;
    const read = () => {
      const request = ++latest;
      api
        .call('sessions.get', { reviewId })
        .then((session) => {
          if (active && request === latest) setState({ live: { session, readAt: Date.now() }, error: null });
        })
        .catch((error: unknown) => {
          if (active && request === latest) setState((before) => ({ live: before.live, error: errorMessage(error) }));
        });
    };
    const unsubscribe = api.subscribe('session.changed', (event) => {
      if (event.reviewId === reviewId && event.part === 'state') read();
    });
    read();
    return () => {
      active = false;
      unsubscribe();
    };
  }, [reviewId]);

  return state;
}

/** The content of one card of a deck, or null while it loads or when there is none. */
export function useCard(deckId: string | null, cardId: string | null): DeckCard | null {
  const [card, setCard] = useState<DeckCard | null>(null);

  useEffect(() => {
    if (!deckId || !cardId) return;
    let active = true;
    api
      .call('cards.get', { deckId, cardId })
      .then((loaded) => active && setCard(loaded))
      .catch(() => active && setCard(null));
    return () => {
      active = false;
    };
  }, [deckId, cardId]);

  // A card loaded for an earlier draw is never shown as the current one.
  return card && card.id === cardId ? card : null;
}

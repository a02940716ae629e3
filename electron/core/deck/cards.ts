import type { DeckCard } from '@shared/deck/decks';
import type { Card, OwnCard } from '@shared/deck/schema';

/** A card as a deck file holds it (without its retired marker, which is kept apart). */
export type StoredCard = Omit<Card, 'retired'> | Omit<OwnCard, 'retired'>;

export function toDeckCard(card: StoredCard, retired: boolean): DeckCard {
  return {
    id: card.id,
    framework: card.framework,
    title: card.title,
    paper: 'paper' in card ? card.paper : null,
    phases: card.phases,
    questions: card.questions,
    qualityStandards: card.qualityStandards ?? [],
    facilitatorNote: card.facilitatorNote ?? null,
    retired,
  };
}

/** The deck-file form of a card, with optional fields left out when empty. */
export function toStoredCard(card: DeckCard): StoredCard {
  const stored = {
    id: card.id,
    framework: card.framework,
    title: card.title,
    ...(card.paper ? { paper: card.paper } : {}),
    phases: card.phases,
    questions: card.questions.map((q) => ({
      phase: q.phase,
      text: q.text,
      ...(q.lens ? { lens: q.lens } : {}),
      ...(q.followUp ? { followUp: true as const } : {}),
    })),
    ...(card.qualityStandards.length ? { qualityStandards: card.qualityStandards } : {}),
    ...(card.facilitatorNote ? { facilitatorNote: card.facilitatorNote } : {}),
  };
  return stored;
}

/** A slug for ids: lower-case letters and digits joined by single hyphens. */
export function slug(text: string, fallback: string): string {
  const made = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return made || fallback;
}

/** The first of base, base-2, base-3 … that is not taken. */
export function unusedId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

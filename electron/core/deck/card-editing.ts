import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { phasesOf, type CardContent, type DeckCard } from '@shared/deck/decks';
import { cardSchema, ownCardSchema } from '@shared/deck/schema';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { slug, toStoredCard, unusedId } from './cards';
import { cardNotFound, getCard, getDeck, requireUserDeck, type DeckLibrary } from './library';

/** Checks a changed card as a deck file would be checked, so an export always reads back in. */
function checked(card: DeckCard): string {
  const stored = toStoredCard(card);
  const result = (card.paper ? cardSchema : ownCardSchema).safeParse(stored);
  if (!result.success)
    throw new ApiError('invalid_input', `This card cannot be saved: it ${result.error.issues[0]!.message}`);
  return JSON.stringify(stored);
}

function withContent(card: DeckCard, content: CardContent): DeckCard {
  return {
    ...card,
    title: content.title,
    questions: content.questions,
    phases: phasesOf(content.questions),
    qualityStandards: content.qualityStandards,
    facilitatorNote: content.facilitatorNote,
  };
}

export function updateCard(
  library: DeckLibrary,
  { deckId, cardId, ...content }: ParsedInput<'cards.update'>,
): DeckCard {
  const { db, clock, events } = library;
  db.transaction(() => {
    requireUserDeck(library, deckId);
    const changed = withContent(getCard(library, deckId, cardId), content);
    db.run(sql`
      UPDATE deck_cards SET content = ${checked(changed)}, updated_at = ${isoNow(clock)}
      WHERE deck_id = ${deckId} AND id = ${cardId}`);
  });
  events.emit('deck.changed', { deckId });
  return getCard(library, deckId, cardId);
}

/** A new card of the user's own: no source in the paper; placed last in the deck. */
export function addCard(library: DeckLibrary, { deckId, framework, ...content }: ParsedInput<'cards.add'>): DeckCard {
  const { db, clock, events } = library;
  const cardId = db.transaction(() => {
    requireUserDeck(library, deckId);
    const ids = new Set(getDeck(library, deckId, true).cards.map((card) => card.id));
    const id = unusedId(slug(content.title, 'own-card'), (candidate) => ids.has(candidate));
    const blank: DeckCard = {
      id,
      framework,
      title: '',
      paper: null,
      phases: [],
      questions: [],
      qualityStandards: [],
      facilitatorNote: null,
      retired: false,
    };
    const { next } = db.get<{ next: number }>(
      sql`SELECT coalesce(max(position) + 1, 0) AS next FROM deck_cards WHERE deck_id = ${deckId}`,
    )!;
    const now = isoNow(clock);
    db.run(sql`
      INSERT INTO deck_cards (deck_id, id, position, own, retired, content, created_at, updated_at)
      VALUES (${deckId}, ${id}, ${next}, 1, 0, ${checked(withContent(blank, content))}, ${now}, ${now})`);
    return id;
  });
  events.emit('deck.changed', { deckId });
  return getCard(library, deckId, cardId);
}

export function setCardRetired(
  library: DeckLibrary,
  { deckId, cardId }: ParsedInput<'cards.retire'>,
  retired: boolean,
): DeckCard {
  const { db, clock, events } = library;
  db.transaction(() => {
    requireUserDeck(library, deckId);
    const result = db.run(sql`
      UPDATE deck_cards SET retired = ${retired ? 1 : 0}, updated_at = ${isoNow(clock)}
      WHERE deck_id = ${deckId} AND id = ${cardId}`);
    if (result.changes === 0) throw cardNotFound();
  });
  events.emit('deck.changed', { deckId });
  return getCard(library, deckId, cardId);
}

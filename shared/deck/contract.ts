import { z } from 'zod';
import { method, returns } from '@shared/api/define';
import type { ExportedFile } from '@shared/domain/exported-file';
import {
  cardContentFields,
  cardRef,
  deckIdSchema,
  deckImportSchema,
  deckNameSchema,
  deckRef,
  frameworkChoiceSchema,
  cardIdSchema,
  type Deck,
  type DeckCard,
  type DeckSummary,
} from './decks';

/** The deck's API methods (decks.*, cards.*), merged into the one contract in shared/api/contract.ts. */
export const deckMethods = {
  'decks.list': method(
    'reads',
    'Every deck: the built-in deck first, then the user’s own decks by name.',
    z.strictObject({}),
    returns<DeckSummary[]>(),
  ),
  'decks.get': method(
    'reads',
    'One deck with its cards in order; retired cards only when asked for.',
    z.strictObject({
      deckId: deckIdSchema,
      includeRetired: z.boolean({ message: 'includeRetired should be true or false.' }).optional(),
    }),
    returns<Deck>(),
  ),
  'decks.duplicate': method(
    'writes',
    'Copy a deck, with all its cards, as a new deck of the user’s own.',
    z.strictObject({ deckId: deckIdSchema, name: deckNameSchema }),
    returns<DeckSummary>(),
  ),
  'decks.rename': method(
    'writes',
    'Rename one of the user’s own decks.',
    z.strictObject({ deckId: deckIdSchema, name: deckNameSchema }),
    returns<DeckSummary>(),
  ),
  'decks.delete': method(
    'writes',
    'Delete one of the user’s own decks, with its cards.',
    deckRef,
    returns<{ deckId: string }>(),
  ),
  'decks.export': method('writes', 'A deck as a deck file, to save.', deckRef, returns<ExportedFile>()),
  'decks.import': method(
    'writes',
    'Add a deck from a deck file, checked whole first, as a deck of the user’s own.',
    deckImportSchema,
    returns<DeckSummary>(),
  ),

  'cards.get': method('reads', 'One card of a deck, retired or not.', cardRef, returns<DeckCard>()),
  'cards.update': method(
    'writes',
    'Change a card of the user’s own deck: title, questions, Quality Standards, facilitator’s note.',
    z.strictObject({ deckId: deckIdSchema, cardId: cardIdSchema, ...cardContentFields }),
    returns<DeckCard>(),
  ),
  'cards.add': method(
    'writes',
    'Write a new card of the user’s own into their deck.',
    z.strictObject({ deckId: deckIdSchema, framework: frameworkChoiceSchema, ...cardContentFields }),
    returns<DeckCard>(),
  ),
  'cards.retire': method('writes', 'Retire a card: kept, but no longer drawn or listed.', cardRef, returns<DeckCard>()),
  'cards.restore': method('writes', 'Bring a retired card back into play.', cardRef, returns<DeckCard>()),
};

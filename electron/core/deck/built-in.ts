import builtInDeckFile from '../../../resources/decks/relational-commissioning.deck.json';
import { parseDeckFile, type DeckFile } from '@shared/deck/schema';

export { builtInDeckFile };

/**
 * Checks the built-in deck as the app starts. A broken deck stops the app with the problems in
 * plain words, rather than showing a review cards that are not what the paper says.
 */
export function loadBuiltInDeck(json: unknown): DeckFile {
  const parsed = parseDeckFile(json);
  if (!parsed.ok) {
    throw new Error(
      `The built-in deck of prompt cards is damaged, so Relational Review cannot start. Reinstall the app. The problems: ${parsed.problems.join(' ')}`,
    );
  }
  return { ...parsed.deck, readOnly: true };
}

import type { DeckCard } from '@shared/deck/decks';
import type { CardFilters } from './deckStore';

/** Lower case, without accents or curly quotes, so “Zoë’s” is found by typing “zoe's”. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .toLocaleLowerCase('en-GB');
}

function searchableText(card: DeckCard): string {
  return foldForSearch(
    [card.title, card.paper?.text ?? '', ...card.questions.map((question) => question.text)].join('\n'),
  );
}

/** The cards that pass every filter; every word searched for must appear somewhere on the card. */
export function filterCards(cards: readonly DeckCard[], filters: CardFilters): DeckCard[] {
  const words = foldForSearch(filters.search).split(/\s+/).filter(Boolean);
  return cards.filter(
    (card) =>
      (filters.showRetired || !card.retired) &&
      (!filters.framework || card.framework === filters.framework) &&
      (!filters.phase || card.phases.includes(filters.phase)) &&
      (!filters.qualityStandard || card.qualityStandards.includes(Number(filters.qualityStandard))) &&
      (words.length === 0 || words.every((word) => searchableText(card).includes(word))),
  );
}

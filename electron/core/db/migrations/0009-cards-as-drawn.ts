import firstEdition from '../../../../resources/decks/editions/relational-commissioning-1.deck.json';
import type { Migration } from './migration';

/** A card as a deck file holds it: optional fields may be missing. */
interface FileCard {
  id: string;
  framework: string;
  title: string;
  paper?: unknown;
  phases: string[];
  questions: unknown[];
  qualityStandards?: number[];
  facilitatorNote?: string;
}

/** The card as a review shows it: the deck's card with every field present. */
const asDrawn = (card: FileCard) =>
  JSON.stringify({
    id: card.id,
    framework: card.framework,
    title: card.title,
    paper: card.paper ?? null,
    phases: card.phases,
    questions: card.questions,
    qualityStandards: card.qualityStandards ?? [],
    facilitatorNote: card.facilitatorNote ?? null,
    retired: false,
  });

/**
 * Each drawn card keeps its words as they were when drawn, so a review keeps the edition of the
 * deck it used even after the deck is reworded (the built-in deck's second edition rewrote many
 * questions; a person can edit their own decks). Cards drawn before this were drawn from the
 * built-in deck's first edition, shipped for this purpose, or from a person's own deck as it now
 * stands, the nearest there is.
 */
export const migration: Migration = {
  version: 9,
  name: 'cards as drawn',
  up(db) {
    db.exec(`ALTER TABLE review_cards ADD COLUMN card TEXT CHECK (card IS NULL OR json_valid(card));`);
    const builtIn = new Map((firstEdition.cards as FileCard[]).map((card) => [card.id, asDrawn(card)]));
    const drawn = db
      .prepare(
        `SELECT review_cards.id, review_cards.card_id, reviews.deck_id
         FROM review_cards JOIN reviews ON reviews.id = review_cards.review_id`,
      )
      .all() as { id: string; card_id: string; deck_id: string | null }[];
    const ownCard = db.prepare(`SELECT content FROM deck_cards WHERE deck_id = ? AND id = ?`);
    const keep = db.prepare(`UPDATE review_cards SET card = ? WHERE id = ?`);
    for (const row of drawn) {
      const own =
        row.deck_id && row.deck_id !== firstEdition.id
          ? (ownCard.get(row.deck_id, row.card_id) as { content: string } | undefined)
          : undefined;
      const card = own ? asDrawn(JSON.parse(own.content) as FileCard) : (builtIn.get(row.card_id) ?? null);
      keep.run(card, row.id);
    }
  },
};

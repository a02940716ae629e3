import type { Migration } from './migration';

/**
 * The user's own decks and their cards (the built-in deck is a file, never stored here), and the
 * deck a review draws its cards from. A card is kept as it appears in a deck file, as JSON; a
 * user's own card has no source in the paper.
 */
export const migration: Migration = {
  version: 3,
  name: 'user decks, and the deck a review uses',
  up(db) {
    db.exec(`
      CREATE TABLE decks (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX decks_name ON decks (lower(name));

      CREATE TABLE deck_cards (
        deck_id TEXT NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        own INTEGER NOT NULL CHECK (own IN (0, 1)),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        content TEXT NOT NULL CHECK (json_valid(content)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (deck_id, id)
      ) STRICT;
      CREATE INDEX deck_cards_order ON deck_cards (deck_id, position);

      ALTER TABLE reviews ADD COLUMN deck_id TEXT;
    `);
  },
};

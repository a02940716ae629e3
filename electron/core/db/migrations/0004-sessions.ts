import type { Migration } from './migration';

/**
 * Running a review: its plan (topic, apologies, time boxes), where it stands (stage, turn,
 * timer), who took part, the cards drawn, the check-in, actions and what later reviews said of
 * them, a concern's reason for having no action, and the minutes drafted when it concludes.
 */
export const migration: Migration = {
  version: 4,
  name: 'sessions: participants, cards, check-ins, actions and minutes drafts',
  up(db) {
    db.exec(`
      ALTER TABLE reviews ADD COLUMN apologies TEXT NOT NULL DEFAULT '';
      ALTER TABLE reviews ADD COLUMN time_boxes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(time_boxes));
      ALTER TABLE reviews ADD COLUMN stage TEXT NOT NULL DEFAULT 'define'
        CHECK (stage IN ('define', 'checkin', 'matters', 'discover', 'dream', 'design', 'deliver', 'close'));
      ALTER TABLE reviews ADD COLUMN turn TEXT NOT NULL DEFAULT 'commissioner' CHECK (turn IN ('commissioner', 'provider'));
      ALTER TABLE reviews ADD COLUMN timer_started_at TEXT;
      ALTER TABLE reviews ADD COLUMN timer_elapsed_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reviews ADD COLUMN timer_extra_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reviews ADD COLUMN concluded_at TEXT;

      ALTER TABLE notes ADD COLUMN no_action_reason TEXT;

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        person_id TEXT REFERENCES people (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        side TEXT NOT NULL CHECK (side IN ('commissioner', 'provider', 'facilitator', 'other')),
        attendance TEXT NOT NULL CHECK (attendance IN ('present', 'apologies')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX participants_review ON participants (review_id);

      CREATE TABLE review_cards (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        card_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('current', 'pinned', 'skipped', 'done')),
        drawn_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_cards_review ON review_cards (review_id);

      CREATE TABLE checkins (
        review_id TEXT NOT NULL REFERENCES reviews (id),
        side TEXT NOT NULL CHECK (side IN ('commissioner', 'provider')),
        ratings TEXT NOT NULL CHECK (json_valid(ratings)),
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (review_id, side)
      ) STRICT;

      CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        text TEXT NOT NULL,
        owner_person_id TEXT REFERENCES people (id),
        owner_side TEXT CHECK (owner_side IN ('commissioner', 'provider', 'facilitator', 'other')),
        due_date TEXT,
        note_id TEXT REFERENCES notes (id),
        card_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX actions_review ON actions (review_id);
      CREATE INDEX actions_note ON actions (note_id);

      CREATE TABLE action_updates (
        action_id TEXT NOT NULL REFERENCES actions (id),
        review_id TEXT NOT NULL REFERENCES reviews (id),
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
        reason TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (action_id, review_id)
      ) STRICT;

      CREATE TABLE minutes (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'locked', 'sealed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (review_id, version)
      ) STRICT;
    `);
  },
};

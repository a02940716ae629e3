import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 4: sessions', () => {
  it('upgrades a version 3 case book holding a review and its notes, keeping them, ready to run', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v3 = openCaseBook({ file, migrateTo: 3 });
    v3.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v3.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    v3.run(sql`
      INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
      VALUES ('r', 'relationship', 'la', 'p', 'Annual review', '2026-12-03T10:00:00.000Z', 'planned', 't', 't')`);
    v3.run(sql`
      INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
      VALUES ('n', 'r', 'discover', 'provider', 'concern', 'Contact visits were missed.', 't', 't')`);
    v3.close();

    const db = openCaseBook({ file, migrateTo: 4 });
    expect(db.schemaVersion).toBe(4);
    expect(
      db.get(sql`SELECT title, stage, turn, timer_elapsed_ms, apologies, time_boxes, concluded_at FROM reviews`),
    ).toEqual({
      title: 'Annual review',
      stage: 'define',
      turn: 'commissioner',
      timer_elapsed_ms: 0,
      apologies: '',
      time_boxes: '{}',
      concluded_at: null,
    });
    expect(db.get(sql`SELECT text, no_action_reason FROM notes`)).toEqual({
      text: 'Contact visits were missed.',
      no_action_reason: null,
    });

    // The review can now run: participants, a drawn card, a check-in, an action on the concern, minutes.
    db.run(
      sql`INSERT INTO participants (id, review_id, name, side, attendance, created_at) VALUES ('pa', 'r', 'Sam Okoro', 'commissioner', 'present', 't')`,
    );
    db.run(
      sql`INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at) VALUES ('c', 'r', 'card-1', 'discover', 'current', 't')`,
    );
    db.run(
      sql`INSERT INTO checkins (review_id, side, ratings, submitted_at) VALUES ('r', 'provider', '{"trust":4}', 't')`,
    );
    db.run(
      sql`INSERT INTO actions (id, review_id, text, owner_side, note_id, created_at, updated_at) VALUES ('a', 'r', 'Arrange contact', 'commissioner', 'n', 't', 't')`,
    );
    db.run(
      sql`INSERT INTO minutes (id, review_id, version, status, created_at, updated_at) VALUES ('m', 'r', 1, 'draft', 't', 't')`,
    );
    expect(db.get(sql`SELECT count(*) AS n FROM actions WHERE note_id = 'n'`)).toEqual({ n: 1 });

    expect(() => db.run(sql`UPDATE reviews SET stage = 'somewhere' WHERE id = 'r'`)).toThrow(/CHECK/);
    expect(() =>
      db.run(sql`INSERT INTO checkins (review_id, side, ratings, submitted_at) VALUES ('r', 'provider', '{}', 't')`),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db.run(
        sql`INSERT INTO minutes (id, review_id, version, status, created_at, updated_at) VALUES ('m2', 'r', 1, 'draft', 't', 't')`,
      ),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

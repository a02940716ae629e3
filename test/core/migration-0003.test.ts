import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 3: user decks, and the deck a review uses', () => {
  it('upgrades a version 2 case book holding a review, keeping it, and adds decks and their cards', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v2 = openCaseBook({ file, migrateTo: 2 });
    v2.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v2.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    v2.run(sql`
      INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
      VALUES ('r', 'relationship', 'la', 'p', 'Annual review', '2026-12-03T10:00:00.000Z', 'planned', 't', 't')`);
    v2.close();

    const db = openCaseBook({ file, migrateTo: 3 });
    expect(db.schemaVersion).toBe(3);
    expect(db.get(sql`SELECT id, title, deck_id FROM reviews`)).toEqual({
      id: 'r',
      title: 'Annual review',
      deck_id: null,
    });
    expect(db.all(sql`SELECT record_id FROM search_index WHERE search_index MATCH '"annual"*'`)).toEqual([
      { record_id: 'r' },
    ]);

    db.run(
      sql`INSERT INTO decks (id, name, description, source, created_at, updated_at) VALUES ('ours', 'Our deck', 'd', 's', 't', 't')`,
    );
    db.run(sql`
      INSERT INTO deck_cards (deck_id, id, position, own, content, created_at, updated_at)
      VALUES ('ours', 'card-1', 0, 0, '{"id":"card-1"}', 't', 't')`);
    db.run(sql`UPDATE reviews SET deck_id = 'ours' WHERE id = 'r'`);
    expect(db.get(sql`SELECT retired FROM deck_cards`)).toEqual({ retired: 0 });

    expect(() =>
      db.run(
        sql`INSERT INTO decks (id, name, description, source, created_at, updated_at) VALUES ('x', 'OUR DECK', 'd', 's', 't', 't')`,
      ),
    ).toThrow(/UNIQUE/);
    const card = (id: string, deck: string, own: unknown, content: string) =>
      db.run(
        sql`INSERT INTO deck_cards (deck_id, id, position, own, content, created_at, updated_at) VALUES (${deck}, ${id}, 1, ${own}, ${content}, 't', 't')`,
      );
    expect(() => card('card-1', 'ours', 0, '{}')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => card('card-2', 'missing', 0, '{}')).toThrow(/FOREIGN KEY/);
    expect(() => card('card-2', 'ours', 2, '{}')).toThrow(/CHECK/);
    expect(() => card('card-2', 'ours', 'yes', '{}')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => card('card-2', 'ours', 0, 'not json')).toThrow(/CHECK/);

    db.run(sql`DELETE FROM decks WHERE id = 'ours'`);
    expect(db.all(sql`SELECT * FROM deck_cards`)).toEqual([]);
    db.close();
  });
});

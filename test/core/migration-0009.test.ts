import path from 'node:path';
import { describe, expect, it } from 'vitest';
import firstEdition from '../../resources/decks/editions/relational-commissioning-1.deck.json';
import builtIn from '../../resources/decks/relational-commissioning.deck.json';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 9: cards as drawn', () => {
  it('keeps, for each card drawn before it, the first edition’s words or the person’s own deck as it stands', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v8 = openCaseBook({ file, migrateTo: 8 });
    v8.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v8.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    for (const [id, deckId] of [
      ['r-built-in', null],
      ['r-own', 'own-deck'],
    ] as const) {
      v8.run(sql`
        INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at, deck_id)
        VALUES (${id}, 'relationship', 'la', 'p', 'Annual review', '2026-06-03T10:00:00.000Z', 'concluded', 't', 't', ${deckId})`);
    }
    v8.run(
      sql`INSERT INTO decks (id, name, description, source, created_at, updated_at) VALUES ('own-deck', 'Ours', '', '', 't', 't')`,
    );
    v8.run(sql`
      INSERT INTO deck_cards (deck_id, id, position, own, content, created_at, updated_at)
      VALUES ('own-deck', 'our-card', 0, 1, ${JSON.stringify({
        id: 'our-card',
        framework: 'facilitation',
        title: 'Our own card',
        phases: ['discover'],
        questions: [{ phase: 'discover', text: 'What went well?' }],
      })}, 't', 't')`);
    const sellick = 'sellick-2-collaboration-at-all-levels';
    v8.run(
      sql`INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at) VALUES ('d1', 'r-built-in', ${sellick}, 'discover', 'done', 't')`,
    );
    v8.run(
      sql`INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at) VALUES ('d2', 'r-own', 'our-card', 'discover', 'done', 't')`,
    );
    v8.close();

    const db = openCaseBook({ file, migrateTo: 9 });
    const kept = (id: string) =>
      JSON.parse(db.get<{ card: string }>(sql`SELECT card FROM review_cards WHERE id = ${id}`)!.card) as {
        title: string;
        questions: { text: string }[];
        paper: unknown;
        qualityStandards: unknown[];
      };
    const fromFirst = firstEdition.cards.find((card) => card.id === sellick)!;
    const fromSecond = builtIn.cards.find((card) => card.id === sellick)!;
    // The second edition rewrote this card's questions: the review keeps the first edition's.
    expect(fromSecond.questions).not.toEqual(fromFirst.questions);
    expect(kept('d1')).toMatchObject({
      title: fromFirst.title,
      questions: fromFirst.questions,
      paper: fromFirst.paper,
    });
    expect(kept('d2')).toMatchObject({ title: 'Our own card', paper: null, qualityStandards: [] });
    expect(() => db.run(sql`UPDATE review_cards SET card = 'not json' WHERE id = 'd1'`)).toThrow(/CHECK/);
    db.close();
  });
});

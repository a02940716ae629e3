import { randomUUID } from 'node:crypto';
import { createCore } from '@core/core';
import { noteMatches, recordMatches, toFtsQuery } from '@core/casebook/search';
import { sql } from '@core/db/sql';
import { benchPassphrase, measure, type Row } from './measure';

const reviewCount = 2_000;
const notesPerReview = 100;

const vocabulary = (
  'garden school football tea bedtime routine keywork contact family trust stability education health ' +
  'placement staff manager commissioner provider review meeting plan weekend cooking homework music ' +
  'swimming therapy counselling advocate social worker independent visitor regulation inspection ' +
  'Ofsted matching referral transition college apprenticeship savings birthday holiday camping bikes ' +
  'allotment pets dog horse riding drama youth club church mosque football boots uniform dentist GP'
).split(' ');

const searches = [
  'garden',
  'oakw',
  'stabil',
  'AB1',
  'education plan',
  'Zoë',
  'social worker',
  'swim',
  'Ofsted inspection',
  'birthday cake',
];

/** Seeds 2,000 reviews with 200,000 notes and times search through the service and raw FTS5. */
export async function benchSearch(dataDir: string): Promise<Row[]> {
  const core = createCore({
    dataDir,
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    logger: { error: () => {} },
  });
  const { db } = core.context;
  try {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    const started = Date.now();
    db.transaction(() => {
      const now = new Date().toISOString();
      db.run(
        sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire County Council', 'local_authority', ${now}, ${now})`,
      );
      db.run(
        sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('pr', 'Brightwater Care Ltd', 'provider', ${now}, ${now})`,
      );
      for (let h = 0; h < 200; h++) {
        db.run(sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at)
          VALUES (${`h${h}`}, 'pr', ${h === 0 ? 'Oakwood House' : `${pick()} House ${h}`}, ${`SC${String(h).padStart(6, '0')}`}, ${now}, ${now})`);
        db.run(sql`INSERT INTO placements (id, home_id, placing_authority_id, child_reference, status, created_at, updated_at)
          VALUES (${`p${h}`}, ${`h${h}`}, 'la', ${`AB${h}`}, 'current', ${now}, ${now})`);
      }
      for (let r = 0; r < reviewCount; r++) {
        const reviewId = `r${r}`;
        db.run(sql`INSERT INTO reviews (id, scope, home_id, placement_id, commissioner_id, provider_id, title, scheduled_for, purpose, status, created_at, updated_at)
          VALUES (${reviewId}, 'placement', ${`h${r % 200}`}, ${`p${r % 200}`}, 'la', 'pr', ${`Placement review ${r}`}, ${now}, ${`${pick()} and ${pick()}`}, 'concluded', ${now}, ${now})`);
        for (let n = 0; n < notesPerReview; n++) {
          const words = Array.from({ length: 12 + Math.floor(random() * 20) }, pick);
          if (random() < 0.01) words.push('Zoë');
          db.run(sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
            VALUES (${randomUUID()}, ${reviewId}, 'discover', 'provider', 'story', ${words.join(' ')}, ${now}, ${now})`);
        }
      }
    });
    console.error(
      `Seeded ${reviewCount} reviews and ${reviewCount * notesPerReview} notes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const runs = 1_000;
    // Raw: the same two FTS5 statements the service runs, straight on the connection.
    const raws = new Map(
      searches.map((text) => {
        const queries = [recordMatches(toFtsQuery(text)!), noteMatches(toFtsQuery(text)!)];
        return [
          text,
          queries.map((query) => ({ statement: db.connection.prepare(query.text), values: query.values as unknown[] })),
        ];
      }),
    );
    const app = await measure(runs, (i) =>
      core.router.call('search.query', { text: searches[Math.abs(i) % searches.length]! }),
    );
    const raw = await measure(runs, (i) => {
      for (const { statement, values } of raws.get(searches[Math.abs(i) % searches.length]!)!) statement.all(...values);
    });
    return [{ operation: `search 200,000 notes (${searches.length} queries)`, app, raw, budget: 1.3 }];
  } finally {
    core.close();
  }
}

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { noteMatches, toFtsQuery } from '@core/casebook/search';
import { openCaseBook, type CaseBookDatabase } from '@core/db/database';
import { sql } from '@core/db/sql';
import { benchPassphrase, measure, type Row } from './measure';

const words =
  'garden school football tea bedtime routine keywork contact family trust stability education health placement staff'.split(
    ' ',
  );

function seed(db: CaseBookDatabase): string {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Council', 'local_authority', ${now}, ${now})`,
    );
    db.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('pr', 'Provider', 'provider', ${now}, ${now})`,
    );
    db.run(sql`INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
      VALUES ('r', 'relationship', 'la', 'pr', 'Review', ${now}, 'in_progress', ${now}, ${now})`);
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 16 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
      db.run(sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
        VALUES (${randomUUID()}, 'r', 'discover', 'provider', 'story', ${text}, ${now}, ${now})`);
    }
  });
  return 'r';
}

/** The cost of encryption: the same search and the same durable note save, encrypted against plain, in one run. */
export async function benchEncryption(dir: string): Promise<Row[]> {
  const encrypted = openCaseBook({ file: path.join(dir, 'encrypted.sqlite'), key: benchPassphrase });
  const plain = openCaseBook({ file: path.join(dir, 'plain.sqlite') });
  try {
    seed(encrypted);
    seed(plain);
    const query = noteMatches(toFtsQuery('garden school')!);
    const search = (db: CaseBookDatabase) => measure(500, () => db.all(query));
    const save = (db: CaseBookDatabase) =>
      measure(500, (i) => {
        const now = new Date().toISOString();
        db.run(sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
          VALUES (${randomUUID()}, 'r', 'discover', 'commissioner', 'story', ${`Typed so far ${i}`}, ${now}, ${now})`);
      });
    return [
      {
        operation: 'encryption: search 20,000 notes (encrypted against plain)',
        app: await search(encrypted),
        raw: await search(plain),
        budget: 1.5,
      },
      {
        operation: 'encryption: save a note (encrypted against plain)',
        app: await save(encrypted),
        raw: await save(plain),
        budget: 1.5,
      },
    ];
  } finally {
    encrypted.close();
    plain.close();
  }
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 5: minutes, signatures, seals, received minutes and the audit log', () => {
  it('upgrades a version 4 case book holding draft minutes, keeping them, ready to lock, sign and seal', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v4 = openCaseBook({ file, migrateTo: 4 });
    v4.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v4.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    v4.run(sql`
      INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
      VALUES ('r', 'relationship', 'la', 'p', 'Annual review', '2026-12-03T10:00:00.000Z', 'concluded', 't', 't')`);
    v4.run(
      sql`INSERT INTO minutes (id, review_id, version, status, created_at, updated_at) VALUES ('m', 'r', 1, 'draft', 't', 't')`,
    );
    v4.close();

    const db = openCaseBook({ file, migrateTo: 5 });
    expect(db.schemaVersion).toBe(5);
    expect(db.get(sql`SELECT version, status, prose, canonical, fingerprint, sealed_pdf FROM minutes`)).toEqual({
      version: 1,
      status: 'draft',
      prose: '{}',
      canonical: null,
      fingerprint: null,
      sealed_pdf: null,
    });

    db.run(
      sql`UPDATE minutes SET status = 'locked', canonical = '{"title":"Annual review"}', fingerprint = ${'ab'.repeat(32)} WHERE id = 'm'`,
    );
    db.run(sql`
      INSERT INTO signatures (id, minutes_id, side, name, statement, fingerprint, signed_at)
      VALUES ('s', 'm', 'provider', 'Priya Shah', 'I agree.', ${'ab'.repeat(32)}, 't')`);
    db.run(sql`
      INSERT INTO audit_log (seq, at, action, subject_kind, subject_id, detail, previous_hash, hash)
      VALUES (1, 't', 'minutes.signed', 'minutes', 'm', '{}', '', 'h')`);
    expect(db.get(sql`SELECT name FROM signatures WHERE minutes_id = 'm'`)).toEqual({ name: 'Priya Shah' });

    expect(() => db.run(sql`UPDATE minutes SET prose = 'not json' WHERE id = 'm'`)).toThrow(/CHECK/);
    expect(() =>
      db.run(
        sql`INSERT INTO signatures (id, minutes_id, side, name, statement, fingerprint, signed_at) VALUES ('x', 'm', 'judge', 'X', 's', 'f', 't')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.run(
        sql`INSERT INTO signatures (id, minutes_id, side, name, statement, fingerprint, signed_at) VALUES ('y', 'nope', 'provider', 'X', 's', 'f', 't')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '@shared/api/contract';
import { sql } from '@core/db/sql';
import { callError, callOk, seedCaseBook, testCore } from './helpers';

const actions = (core: ReturnType<typeof testCore>) =>
  core.context.db
    .all<{ action: string; subject_id: string }>(sql`SELECT action, subject_id FROM audit_log ORDER BY seq`)
    .map((row) => row.action);

describe('the audit log', () => {
  it('records every change, in the same transaction, and nothing for reads or refused input', async () => {
    const core = testCore();
    const { home, provider } = await seedCaseBook(core);
    await callOk(core, 'homes.archive', { id: home.id });
    await callOk(core, 'homes.list', {});
    await callError(core, 'homes.update', { id: home.id, providerId: provider.id, name: '', ofstedUrn: 'SC123456' });
    expect(actions(core)).toEqual([
      'vault.created',
      'organisations.create',
      'organisations.create',
      'homes.create',
      'placements.create',
      'people.create',
      'reviews.create',
      'homes.archive',
    ]);
    const archived = core.context.db.get<{ subject_id: string }>(
      sql`SELECT subject_id FROM audit_log WHERE action = 'homes.archive'`,
    );
    expect(archived?.subject_id).toBe(home.id);
  });

  it('verifies the chain, and reports the first entry that was changed or removed', async () => {
    const core = testCore();
    await seedCaseBook(core);
    expect(await callOk<AuditVerification>(core, 'audit.verify', {})).toEqual({
      entries: 7,
      firstBroken: null,
      anchor: { held: true, reason: null },
      seals: { checked: 0, notHeld: [] },
    });

    core.context.db.run(sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE seq = 4`);
    const changed = await callOk<AuditVerification>(core, 'audit.verify', {});
    expect(changed.firstBroken).toMatchObject({ seq: 4, reason: 'This entry was changed after it was written.' });

    const other = testCore();
    await seedCaseBook(other);
    other.context.db.run(sql`DELETE FROM audit_log WHERE seq = 3`);
    expect((await callOk<AuditVerification>(other, 'audit.verify', {})).firstBroken).toMatchObject({
      seq: 4,
      reason: 'The entry before this one is missing or was changed.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/domain/exported-file';
import { addNote, callError, callOk, seedCaseBook, testCore } from './helpers';

describe('subject access', () => {
  it('gathers the placements, their reviews, and every note in them or mentioning the reference', async () => {
    const core = testCore();
    const { review, home, council, provider } = await seedCaseBook(core);
    addNote(core, review.id, 'The garden project has gone well.');
    const other = await callOk<{ id: string }>(core, 'reviews.create', {
      scope: 'relationship',
      commissionerId: council.id,
      providerId: provider.id,
      scheduledFor: '2026-11-30T10:00:00Z',
    });
    addNote(core, other.id, 'We spoke about how ab12 settled in after the move.', 'concern');
    addNote(core, other.id, 'Another child, CD34, is doing well.');
    await callOk(core, 'placements.create', {
      homeId: home.id,
      placingAuthorityId: council.id,
      childReference: 'CD34',
      status: 'planned',
    });

    const file = await callOk<ExportedFile>(core, 'subjectAccess.export', { childReference: 'ab12' });
    expect(file.fileName).toMatch(/^subject-access-ab12-\d{4}-\d\d-\d\d\.txt$/);
    expect(file.content).toContain('Child reference: ab12');
    expect(file.content).toContain('Placements (1)');
    expect(file.content).toContain('- AB12 at Oakwood House, placed by Northshire County Council.');
    expect(file.content).toContain('Start: 5 January 2026.');
    expect(file.content).toContain('Reviews (1)');
    expect(file.content).toContain(
      'Placement review: AB12 at Oakwood House, 3 December 2026 at 10:00 GMT at Oakwood House.',
    );
    expect(file.content).toContain('Notes (2)');
    expect(file.content).toContain('The garden project has gone well.');
    expect(file.content).toContain('how ab12 settled in');
    expect(file.content).not.toContain('CD34');
  });

  it('gives evidence’s source and both views of a disagreement, and finds a note by the reference in either', async () => {
    const core = testCore();
    const { review, council, provider } = await seedCaseBook(core);
    const base = { reviewId: review.id, stage: 'design', side: 'provider' } as const;
    await callOk(core, 'notes.save', {
      ...base,
      id: crypto.randomUUID(),
      kind: 'evidence',
      text: 'Attendance is up to 96%.',
      source: 'the school report',
    });
    const other = await callOk<{ id: string }>(core, 'reviews.create', {
      scope: 'relationship',
      commissionerId: council.id,
      providerId: provider.id,
      scheduledFor: '2026-11-30T10:00:00Z',
    });
    await callOk(core, 'notes.save', {
      ...base,
      reviewId: other.id,
      id: crypto.randomUUID(),
      kind: 'disagreement',
      text: 'Weekend staffing',
      commissionerView: 'Two is enough.',
      providerView: 'Three when AB12’s brothers visit.',
    });
    const file = await callOk<ExportedFile>(core, 'subjectAccess.export', { childReference: 'AB12' });
    expect(file.content).toContain('Attendance is up to 96%.\n  Source: the school report');
    expect(file.content).toContain(
      'Weekend staffing\n  The commissioner’s view: Two is enough.\n  The provider’s view: Three when AB12’s brothers visit.',
    );
  });

  it('says plainly when nothing is held, and refuses an empty reference', async () => {
    const core = testCore();
    await seedCaseBook(core);
    const file = await callOk<ExportedFile>(core, 'subjectAccess.export', { childReference: 'ZZ99' });
    expect(file.content).toContain('The case book holds nothing about this reference.');
    expect((await callError(core, 'subjectAccess.export', { childReference: '  ' })).fields).toEqual({
      childReference: 'Enter the child’s reference: their initials or the authority’s case number, never their name.',
    });
  });
});

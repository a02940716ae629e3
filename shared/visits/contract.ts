import { z } from 'zod';
import { method, returns } from '@shared/api/define';
import { recordId } from '@shared/domain/ids';
import {
  newVisitSchema,
  visitNoteRef,
  visitNoteSaveSchema,
  visitRef,
  visitUpdateSchema,
  type VariableRating,
  type Visit,
  type VisitSummary,
} from '@shared/domain/visits';

/** Visits to a home between reviews, their notes against the thirteen variables, and what the next review brings in. */
export const visitMethods = {
  'visits.list': method(
    'reads',
    'Visits, newest first: to one home, touching one placement, or all.',
    z.strictObject({
      homeId: recordId().optional(),
      placementId: recordId().optional(),
      includeArchived: z.boolean().optional(),
    }),
    returns<VisitSummary[]>(),
  ),
  'visits.get': method('reads', 'One visit with its notes.', visitRef, returns<Visit>()),
  'visits.create': method('writes', 'Record a visit to a home.', newVisitSchema, returns<Visit>()),
  'visits.update': method('writes', 'Change when, who, why or which placements.', visitUpdateSchema, returns<Visit>()),
  'visits.archive': method('writes', 'Archive a visit: kept, but out of everyday lists.', visitRef, returns<Visit>()),
  'visits.restore': method('writes', 'Bring an archived visit back.', visitRef, returns<Visit>()),
  'visitNotes.save': method(
    'audits',
    'Save a note of a visit as it is typed.',
    visitNoteSaveSchema,
    returns<{ savedAt: string }>(),
  ),
  'visitNotes.delete': method(
    'writes',
    'Delete a note of a visit (it can be brought back).',
    visitNoteRef,
    returns<Visit>(),
  ),
  'visitNotes.restore': method('writes', 'Bring back a deleted note of a visit.', visitNoteRef, returns<Visit>()),
  'visits.sinceLastReview': method(
    'reads',
    'The visits to a review’s home, or touching its placement, since the review before it and up to its day.',
    z.strictObject({ reviewId: recordId('That review could not be found.') }),
    returns<Visit[]>(),
  ),
  'visits.variableHistory': method(
    'reads',
    'Every rating of the thirteen variables at a home’s visits, oldest first.',
    z.strictObject({ homeId: recordId('That home could not be found.') }),
    returns<VariableRating[]>(),
  ),
};

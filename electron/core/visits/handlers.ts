import type { visitMethods } from '@shared/visits/contract';
import type { ServiceContext } from '@core/context';
import type { Handlers } from '@core/router';
import {
  createVisit,
  getVisit,
  listVisits,
  saveVisitNote,
  setVisitArchived,
  setVisitNoteDeleted,
  updateVisit,
  variableHistory,
  visitsSinceLastReview,
} from './visits';

/** Visits to homes between reviews. Every change answers with the visit as it now is, except a note's save. */
export function visitHandlers(context: ServiceContext): Pick<Handlers, keyof typeof visitMethods> {
  return {
    'visits.list': (input) => listVisits(context, input),
    'visits.get': (input) => getVisit(context, input.visitId),
    'visits.create': (input) => createVisit(context, input),
    'visits.update': (input) => updateVisit(context, input),
    'visits.archive': (input) => setVisitArchived(context, input.visitId, true),
    'visits.restore': (input) => setVisitArchived(context, input.visitId, false),
    'visitNotes.save': (input) => saveVisitNote(context, input),
    'visitNotes.delete': (input) => setVisitNoteDeleted(context, input, true),
    'visitNotes.restore': (input) => setVisitNoteDeleted(context, input, false),
    'visits.sinceLastReview': (input) => visitsSinceLastReview(context, input),
    'visits.variableHistory': (input) => variableHistory(context, input),
  };
}

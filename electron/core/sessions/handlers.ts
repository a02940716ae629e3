import type { sessionMethods } from '@shared/sessions/contract';
import type { Handlers } from '@core/router';
import { saveAction, setActionDeleted, updateMatter } from './actions';
import { checkinHistory, submitCheckin } from './checkin';
import type { SessionContext } from './context';
import { commandTimer, moveToStage, setTurn } from './controls';
import { carryCard, drawCard, setCardState } from './cards';
import { saveNote, setConcernReason, setNoteDeleted } from './notes';
import { addParticipant, removeParticipant, savePlan } from './plan';
import { concludeReview, getSession } from './session';

/** Running a review. Every change answers with the session as it now stands, except a note's save. */
export function sessionHandlers(context: SessionContext): Pick<Handlers, keyof typeof sessionMethods> {
  const then = (reviewId: string) => getSession(context, { reviewId });
  return {
    'sessions.get': (input) => getSession(context, input),
    'sessions.plan': (input) => (savePlan(context, input), then(input.reviewId)),
    'sessions.addParticipant': (input) => (addParticipant(context, input), then(input.reviewId)),
    'sessions.removeParticipant': (input) => (removeParticipant(context, input), then(input.reviewId)),
    'sessions.stage': (input) => (moveToStage(context, input), then(input.reviewId)),
    'sessions.turn': (input) => (setTurn(context, input), then(input.reviewId)),
    'sessions.timer': (input) => (commandTimer(context, input), then(input.reviewId)),
    'sessions.draw': (input) => (drawCard(context, input), then(input.reviewId)),
    'sessions.cardState': (input) => (setCardState(context, input), then(input.reviewId)),
    'sessions.carry': (input) => (carryCard(context, input), then(input.reviewId)),
    'sessions.conclude': (input) => concludeReview(context, input),
    'notes.save': (input) => saveNote(context, input),
    'notes.delete': (input) => (setNoteDeleted(context, input, true), then(input.reviewId)),
    'notes.restore': (input) => (setNoteDeleted(context, input, false), then(input.reviewId)),
    'notes.concernReason': (input) => (setConcernReason(context, input), then(input.reviewId)),
    'actions.save': (input) => (saveAction(context, input), then(input.reviewId)),
    'actions.delete': (input) => (setActionDeleted(context, input, true), then(input.reviewId)),
    'actions.restore': (input) => (setActionDeleted(context, input, false), then(input.reviewId)),
    'actions.update': (input) => (updateMatter(context, input), then(input.reviewId)),
    'checkin.submit': (input) => (submitCheckin(context, input), then(input.reviewId)),
    'checkin.history': (input) => checkinHistory(context, input),
  };
}

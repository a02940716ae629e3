import { z } from 'zod';
import { method, returns } from '@shared/api/define';
import type { CheckinHistoryEntry } from '@shared/domain/checkin-history';
import { recordId } from '@shared/domain/ids';
import {
  actionRef,
  actionSchema,
  actionUpdateSchema,
  cardStateSchema,
  carrySchema,
  checkinSchema,
  concernReasonSchema,
  drawSchema,
  noteRef,
  noteSaveSchema,
  participantRef,
  participantSchema,
  planSchema,
  reviewRef,
  stageSchema,
  timerSchema,
  turnSchema,
  type Session,
} from '@shared/domain/sessions';

/** A review as it runs: plan, participants, stages, timer, cards, notes, actions and the check-in. */
export const sessionMethods = {
  'sessions.get': method('reads', 'Everything about a review as it runs.', reviewRef, returns<Session>()),
  'sessions.plan': method(
    'writes',
    'Plan a review: affirmative topic, apologies, deck and time boxes.',
    planSchema,
    returns<Session>(),
  ),
  'sessions.addParticipant': method(
    'writes',
    'Add someone taking part, or sending apologies.',
    participantSchema,
    returns<Session>(),
  ),
  'sessions.removeParticipant': method('writes', 'Take someone off the list.', participantRef, returns<Session>()),
  'sessions.stage': method(
    'writes',
    'Move to another stage; its timer starts afresh, paused.',
    stageSchema,
    returns<Session>(),
  ),
  'sessions.turn': method('writes', 'Say whose turn it is.', turnSchema, returns<Session>()),
  'sessions.timer': method(
    'writes',
    'Start, pause, extend or reset the stage’s timer.',
    timerSchema,
    returns<Session>(),
  ),
  'sessions.draw': method('writes', 'Draw a card for this stage, or choose one.', drawSchema, returns<Session>()),
  'sessions.cardState': method(
    'writes',
    'Pin, skip, finish or go back to a drawn card.',
    cardStateSchema,
    returns<Session>(),
  ),
  'sessions.carry': method(
    'writes',
    'Carry a card drawn in an earlier stage on into this one, with its follow-up questions.',
    carrySchema,
    returns<Session>(),
  ),
  'sessions.conclude': method('writes', 'Conclude the review and draft its minutes.', reviewRef, returns<Session>()),
  'notes.save': method('audits', 'Save a note as it is typed.', noteSaveSchema, returns<{ savedAt: string }>()),
  'notes.delete': method('writes', 'Delete a note (it can be brought back).', noteRef, returns<Session>()),
  'notes.restore': method('writes', 'Bring back a deleted note.', noteRef, returns<Session>()),
  'notes.concernReason': method(
    'writes',
    'Record why a concern needs no action.',
    concernReasonSchema,
    returns<Session>(),
  ),
  'actions.save': method('writes', 'Add or change an action.', actionSchema, returns<Session>()),
  'actions.delete': method('writes', 'Delete an action (it can be brought back).', actionRef, returns<Session>()),
  'actions.restore': method('writes', 'Bring back a deleted action.', actionRef, returns<Session>()),
  'actions.update': method(
    'writes',
    'Say where an earlier review’s action stands now.',
    actionUpdateSchema,
    returns<Session>(),
  ),
  'checkin.submit': method('writes', 'One side’s private check-in ratings.', checkinSchema, returns<Session>()),
  'checkin.history': method(
    'reads',
    'Check-in ratings across the reviews of a home, a placement or an organisation.',
    z.strictObject({
      homeId: recordId().optional(),
      placementId: recordId().optional(),
      organisationId: recordId().optional(),
    }),
    returns<CheckinHistoryEntry[]>(),
  ),
};

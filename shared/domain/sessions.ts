import { z } from 'zod';
import type { DeckCard } from '@shared/deck/decks';
import { optionalDate, optionalText, requiredText } from './fields';
import { optionalRecordId, recordId } from './ids';

/** The rail a review runs along. Define comes first; the facilitator moves on, never the clock. */
export const stages = ['define', 'checkin', 'matters', 'discover', 'dream', 'design', 'deliver', 'close'] as const;
export type Stage = (typeof stages)[number];
export const stageLabels: Record<Stage, string> = {
  define: 'Define',
  checkin: 'Check-in',
  matters: 'Matters arising',
  discover: 'Discover',
  dream: 'Dream',
  design: 'Design',
  deliver: 'Deliver',
  close: 'Close',
};
/** Minutes per stage for a 90-minute meeting. */
export const defaultTimeBoxes: Record<Stage, number> = {
  define: 5,
  checkin: 10,
  matters: 10,
  discover: 20,
  dream: 15,
  design: 15,
  deliver: 10,
  close: 5,
};
/** The stages that draw cards from the deck, by the deck's phase of the same name. */
export const cardStages = ['define', 'discover', 'dream', 'design', 'deliver'] as const;
export type CardStage = (typeof cardStages)[number];
export const isCardStage = (stage: Stage): stage is CardStage => (cardStages as readonly string[]).includes(stage);

export const sides = ['commissioner', 'provider', 'facilitator', 'other'] as const;
export type Side = (typeof sides)[number];
export const sideLabels: Record<Side, string> = {
  commissioner: 'Commissioner',
  provider: 'Provider',
  facilitator: 'Facilitator',
  other: 'Other',
};
export const turnSides = ['commissioner', 'provider'] as const;
export type TurnSide = (typeof turnSides)[number];

export const noteKinds = ['story', 'evidence', 'hope', 'proposal', 'commitment', 'concern', 'disagreement'] as const;
export type NoteKind = (typeof noteKinds)[number];
export const noteKindLabels: Record<NoteKind, string> = {
  story: 'Story or strength',
  evidence: 'Evidence: seen, read or measured',
  hope: 'Hope',
  proposal: 'Proposal',
  commitment: 'Commitment',
  concern: 'Concern',
  disagreement: 'Agreed disagreement',
};

/** Sellick's four features of an effective contractual relationship, rated at check-in. */
export const sellickFeatures = [
  { id: 'senior-relationships', label: 'Pivotal, respectful relationships between key senior staff' },
  { id: 'collaboration', label: 'Collaborative relationships at lower levels of staff' },
  { id: 'difficult-needs', label: 'Success with difficult-to-meet needs' },
  { id: 'mutual-advantage', label: 'Mutual advantage' },
] as const;
export type SellickFeature = (typeof sellickFeatures)[number]['id'];

export const actionStatuses = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

const reviewId = recordId('That review could not be found.');
const timeBox = z
  .number({ message: 'Give each time box in whole minutes.' })
  .int('Give each time box in whole minutes.')
  .min(1, 'Give each stage at least a minute.')
  .max(180, 'Keep each time box under three hours.');

export const planSchema = z.strictObject({
  reviewId,
  purpose: optionalText(2000),
  affirmativeTopic: optionalText(500),
  apologies: optionalText(1000),
  deckId: z.string({ message: 'Choose a deck.' }).min(1, 'Choose a deck.').max(120),
  timeBoxes: z.strictObject(
    Object.fromEntries(stages.map((stage) => [stage, timeBox])) as Record<Stage, typeof timeBox>,
  ),
});

export const participantSchema = z.strictObject({
  reviewId,
  personId: optionalRecordId('Choose a person from the case book.').optional(),
  name: requiredText('Enter the participant’s name.', 120),
  role: optionalText(120),
  organisation: optionalText(200),
  side: z.enum(sides, { message: 'Choose the side this person is on.' }),
  attendance: z.enum(['present', 'apologies'], { message: 'Choose whether they are present or sent apologies.' }),
});
export const participantRef = z.strictObject({
  reviewId,
  participantId: recordId('That participant could not be found.'),
});

export const noteSaveSchema = z.strictObject({
  /** Made by the renderer, so the first keystroke can save without waiting for an id. */
  id: recordId('That note could not be saved: its id is not valid.'),
  reviewId,
  stage: z.enum(stages, { message: 'Choose a stage.' }),
  cardId: z.string().max(200).nullable().optional(),
  side: z.enum(sides, { message: 'Choose who spoke.' }),
  kind: z.enum(noteKinds, { message: 'Choose what kind of note this is.' }),
  text: z.string({ message: 'A note is text.' }).max(20_000, 'Keep a note under 20,000 characters.'),
  /** Evidence: where it was seen, read or measured. */
  source: z.string().max(1000, 'Keep the source under 1,000 characters.').optional(),
  /** An agreed disagreement: each side's view, in its own words. */
  commissionerView: z.string().max(10_000, 'Keep the commissioner’s view under 10,000 characters.').optional(),
  providerView: z.string().max(10_000, 'Keep the provider’s view under 10,000 characters.').optional(),
  /** Brought into the room from a note taken at a visit since the last review. */
  visitNoteId: optionalRecordId('That note of a visit could not be found.').optional(),
});
export const noteRef = z.strictObject({ reviewId, noteId: recordId('That note could not be found.') });
export const concernReasonSchema = z.strictObject({
  reviewId,
  noteId: recordId('That concern could not be found.'),
  reason: optionalText(2000),
});

export const actionSchema = z.strictObject({
  reviewId,
  id: recordId().optional(),
  text: requiredText('Say what will be done.', 1000),
  ownerPersonId: optionalRecordId('Choose the person who will do it.').optional(),
  ownerSide: z.enum(sides, { message: 'Choose which side will do it.' }).nullable().optional(),
  dueDate: optionalDate('Enter when it is due, for example 27 March 2026.').optional(),
  noteId: optionalRecordId('That note could not be found.').optional(),
  cardId: z.string().max(200).nullable().optional(),
});
export const actionRef = z.strictObject({ reviewId, actionId: recordId('That action could not be found.') });
export const actionUpdateSchema = z
  .strictObject({
    reviewId,
    actionId: recordId('That action could not be found.'),
    status: z.enum(actionStatuses, { message: 'Choose where the action stands.' }),
    reason: optionalText(1000),
  })
  .refine((update) => update.status !== 'dropped' || update.reason.length > 0, {
    message: 'Say why the action was dropped.',
    path: ['reason'],
  });

function ratingOf(label: string) {
  const message = `Rate “${label}” from 1 to 5.`;
  return z.strictObject({
    score: z.number({ message }).int(message).min(1, message).max(5, message),
    word: optionalText(60),
  });
}

export const checkinSchema = z.strictObject({
  reviewId,
  side: z.enum(turnSides, { message: 'Choose the commissioner’s or the provider’s side.' }),
  ratings: z.strictObject({
    'senior-relationships': ratingOf(sellickFeatures[0].label),
    collaboration: ratingOf(sellickFeatures[1].label),
    'difficult-needs': ratingOf(sellickFeatures[2].label),
    'mutual-advantage': ratingOf(sellickFeatures[3].label),
  }),
});

export const stageSchema = z.strictObject({ reviewId, stage: z.enum(stages, { message: 'Choose a stage.' }) });
export const turnSchema = z.strictObject({
  reviewId,
  side: z.enum(turnSides, { message: 'Choose whose turn it is.' }),
});
export const timerSchema = z.strictObject({
  reviewId,
  command: z.enum(['start', 'pause', 'extend', 'reset'], { message: 'Choose start, pause, extend or reset.' }),
  minutes: z.number().int().min(1).max(60).optional(),
});
export const drawSchema = z.strictObject({
  reviewId,
  /** A chosen card; a random one from the deck's cards for the stage when absent. */
  cardId: z.string().min(1).max(200).optional(),
  allowRepeats: z.boolean().optional(),
});
export const cardStateSchema = z.strictObject({
  reviewId,
  drawId: recordId('That card could not be found in this review.'),
  state: z.enum(['current', 'pinned', 'skipped', 'done'], { message: 'Choose what to do with the card.' }),
});
export const carrySchema = z.strictObject({
  reviewId,
  drawId: recordId('That card could not be found in this review.'),
});
export const reviewRef = z.strictObject({ reviewId });

export interface Participant {
  id: string;
  personId: string | null;
  name: string;
  role: string;
  organisation: string;
  side: Side;
  attendance: 'present' | 'apologies';
}

export interface SessionNote {
  id: string;
  stage: Stage;
  cardId: string | null;
  side: Side;
  kind: NoteKind;
  text: string;
  /** Evidence: where it was seen, read or measured ('' otherwise). */
  source: string;
  /** An agreed disagreement: each side's view ('' otherwise). */
  commissionerView: string;
  providerView: string;
  /** The note of a visit this one was brought in from, or null. */
  visitNoteId: string | null;
  noActionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionAction {
  id: string;
  reviewId: string;
  text: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  ownerSide: Side | null;
  dueDate: string | null;
  noteId: string | null;
  cardId: string | null;
  createdAt: string;
}

/** An earlier review's action, as it stands, and what this review has said of it. */
export interface MatterArising extends SessionAction {
  fromReviewTitle: string;
  fromReviewDate: string;
  status: ActionStatus;
  reason: string;
  updatedInThisReview: boolean;
}

export interface DrawnCard {
  drawId: string;
  cardId: string;
  stage: Stage;
  state: 'current' | 'pinned' | 'skipped' | 'done';
  drawnAt: string;
  /** The draw in an earlier stage this one carries on (a thread), or null when drawn fresh. */
  carriedFrom: string | null;
  /**
   * The card's words as they were when drawn: a review keeps the edition it used, whatever the
   * deck says now. Null only for a card drawn from a deck since deleted, before cards were kept.
   */
  card: DeckCard | null;
}

export interface CheckinView {
  /** Who has rated; the ratings themselves only once both have. */
  submitted: Record<TurnSide, boolean>;
  revealed: boolean;
  ratings: Record<TurnSide, Record<SellickFeature, { score: number; word: string }>> | null;
}

export interface TimerView {
  stage: Stage;
  /** Running since (ISO), or null when paused. */
  startedAt: string | null;
  elapsedMs: number;
  limitMs: number;
}

export interface Session {
  reviewId: string;
  status: 'planned' | 'in_progress' | 'concluded' | 'signed';
  purpose: string;
  affirmativeTopic: string;
  apologies: string;
  deckId: string;
  timeBoxes: Record<Stage, number>;
  stage: Stage;
  turn: TurnSide;
  timer: TimerView;
  participants: Participant[];
  cards: DrawnCard[];
  notes: SessionNote[];
  actions: SessionAction[];
  matters: MatterArising[];
  checkin: CheckinView;
  /** Concerns with neither an action nor a recorded reason for none. */
  openConcerns: string[];
}

/**
 * The questions a drawn card asks in a stage: a card carried on from an earlier stage asks its
 * follow-ups first, then its own; one drawn fresh never shows follow-ups, which refer back.
 */
export function questionsFor<Q extends { phase: string; followUp?: true }>(
  card: { questions: readonly Q[] },
  stage: Stage,
  carried: boolean,
): Q[] {
  const here = card.questions.filter((question) => question.phase === stage);
  return carried
    ? [...here.filter((question) => question.followUp), ...here.filter((question) => !question.followUp)]
    : here.filter((question) => !question.followUp);
}

/** The card in play, if any. */
export function currentDraw(session: Pick<Session, 'cards'>): DrawnCard | undefined {
  return session.cards.find((card) => card.state === 'current');
}

import {
  minutesFormat,
  minutesFormatVersion,
  proseStages,
  type MinutesContent,
  type ProseStage,
} from '@shared/domain/minutes';
import { sellickFeatures, sideLabels, stages as sessionStages, type SessionAction } from '@shared/domain/sessions';
import { getHome } from '@core/casebook/homes';
import { getReview } from '@core/casebook/reviews';
import type { SessionContext } from '@core/sessions/context';
import { getSession } from '@core/sessions/session';
import { visitCitation, visitsSinceLastReview } from '@core/visits/visits';

export type Prose = { summary: string } & Record<ProseStage, string>;

export const emptyProse = (): Prose => ({ summary: '', discover: '', dream: '', design: '', deliver: '' });

const ownerOf = (action: Pick<SessionAction, 'ownerName' | 'ownerSide'>) =>
  action.ownerName ?? (action.ownerSide ? `The ${sideLabels[action.ownerSide].toLowerCase()}` : '');

/**
 * The minutes as they stand: the structured parts read afresh from the review (so they stay in
 * step with it), the prose as the editors wrote it.
 */
export function buildContent(
  context: SessionContext,
  minutes: { reviewId: string; version: number; prose: Prose; amends: MinutesContent['amends'] },
): MinutesContent {
  const review = getReview(context, minutes.reviewId);
  const session = getSession(context, { reviewId: review.id });
  const home = review.homeId ? getHome(context, review.homeId) : null;
  const deck = (() => {
    try {
      return context.decks.get(session.deckId);
    } catch {
      return null;
    }
  })();
  // A card's title as it was drawn comes first: the minutes keep the deck's edition the review used.
  const drawnTitles = new Map(session.cards.flatMap((drawn) => (drawn.card ? [[drawn.cardId, drawn.card.title]] : [])));
  const cardTitle = (id: string) => drawnTitles.get(id) ?? deck?.cards.find((card) => card.id === id)?.title ?? id;
  const cardOf = (id: string | null) => (id ? { id, title: cardTitle(id) } : null);
  const drawStage = new Map(session.cards.map((drawn) => [drawn.drawId, drawn.stage]));
  const people = (attendance: 'present' | 'apologies') =>
    session.participants
      .filter((p) => p.attendance === attendance)
      .map((p) => ({ name: p.name, role: p.role, organisation: p.organisation, side: p.side }));
  const visits = visitsSinceLastReview(context, { reviewId: review.id });
  const visitOfNote = new Map(
    visits.flatMap((visit) => visit.notes.map((note) => [note.id, { visitedAt: visit.visitedAt, kind: visit.kind }])),
  );
  // A note brought in from a visit before the last review began still names it, read afresh.
  const citeVisit = (visitNoteId: string | null) =>
    visitNoteId ? (visitOfNote.get(visitNoteId) ?? visitCitation(context, visitNoteId)) : null;
  const liveNotes = session.notes.filter((note) =>
    [note.text, note.commissionerView, note.providerView].some((words) => words.trim() !== ''),
  );
  // Concerns and agreed disagreements each have their own heading; every other note is in its stage.
  const stageNotes = liveNotes.filter((note) => note.kind !== 'concern' && note.kind !== 'disagreement');

  return {
    format: minutesFormat,
    formatVersion: minutesFormatVersion,
    reviewId: review.id,
    version: minutes.version,
    amends: minutes.amends,
    title: review.title,
    scope: review.scope,
    subject: {
      home: home ? { name: home.name, ofstedUrn: home.ofstedUrn } : null,
      childReference: review.childReference,
      commissioner: review.commissionerName,
      provider: review.providerName,
    },
    scheduledFor: review.scheduledFor,
    place: review.place,
    present: people('present'),
    apologies: people('apologies'),
    apologiesNote: session.apologies,
    purpose: review.purpose,
    affirmativeTopic: session.affirmativeTopic,
    summary: minutes.prose.summary,
    mattersArising: session.matters.map((matter) => ({
      text: matter.text,
      owner: ownerOf(matter),
      dueDate: matter.dueDate,
      status: matter.status,
      reason: matter.reason,
      fromReview: matter.fromReviewTitle,
    })),
    checkin: session.checkin.ratings
      ? sellickFeatures.map((feature) => ({
          feature: feature.label,
          commissioner: session.checkin.ratings!.commissioner[feature.id],
          provider: session.checkin.ratings!.provider[feature.id],
        }))
      : null,
    // Every note is in the record, whatever stage it was taken in: the four stages with written
    // words always, and Define, Check-in, Matters arising and Close when they hold notes or cards.
    stages: sessionStages
      .map((stage) => ({
        stage,
        summary: isProseStage(stage) ? minutes.prose[stage] : '',
        cards: [...new Map(session.cards.filter((card) => card.stage === stage).map((card) => [card.cardId, card]))]
          .map(([, card]) => card)
          .map((card) => ({
            id: card.cardId,
            title: cardTitle(card.cardId),
            carriedFrom: card.carriedFrom ? (drawStage.get(card.carriedFrom) ?? null) : null,
          })),
        notes: stageNotes
          .filter((note) => note.stage === stage)
          .map((note) => ({
            side: note.side,
            kind: note.kind,
            text: note.text,
            card: cardOf(note.cardId),
            ...(note.kind === 'evidence' ? { source: note.source } : {}),
            fromVisit: citeVisit(note.visitNoteId),
          })),
      }))
      .filter((stage) => isProseStage(stage.stage) || stage.notes.length > 0 || stage.cards.length > 0),
    concerns: liveNotes
      .filter((note) => note.kind === 'concern')
      .map((note) => ({
        text: note.text,
        side: note.side,
        actions: session.actions.filter((action) => action.noteId === note.id).map((action) => action.text),
        noActionReason: note.noActionReason,
      })),
    visits: visits.map((visit) => ({
      visitedAt: visit.visitedAt,
      kind: visit.kind,
      home: visit.homeName,
      visitors: visit.visitors.map((visitor) => visitor.name),
      purpose: visit.purpose,
      notes: visit.noteCount,
    })),
    disagreements: liveNotes
      .filter((note) => note.kind === 'disagreement')
      .map((note) => ({
        stage: note.stage,
        subject: note.text,
        commissionerView: note.commissionerView,
        providerView: note.providerView,
        card: cardOf(note.cardId),
      })),
    actions: session.actions.map((action) => ({ text: action.text, owner: ownerOf(action), dueDate: action.dueDate })),
    nextReviewDate: review.nextReviewDate,
  };
}

const isProseStage = (stage: string): stage is ProseStage => (proseStages as readonly string[]).includes(stage);

import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { VariableRating, Visit, Visitor, VisitNote, VisitSummary } from '@shared/domain/visits';
import { appendAudit } from '@core/audit';
import { requireLinked } from '@core/casebook/records';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql, type SqlQuery } from '@core/db/sql';
import { sameSubject, type ReviewSubject } from '@core/review-subject';

interface VisitRow extends Omit<VisitSummary, 'visitors' | 'placements'> {
  visitors: string;
  placements: string;
}

const selectVisits = sql`
  SELECT visits.id, visits.home_id, homes.name AS home_name, visits.visited_at, visits.kind, visits.purpose,
    visits.visitors, visits.created_at, visits.updated_at, visits.archived_at,
    (SELECT json_group_array(json_object('id', placements.id, 'childReference', placements.child_reference))
       FROM visit_placements JOIN placements ON placements.id = visit_placements.placement_id
       WHERE visit_placements.visit_id = visits.id) AS placements,
    (SELECT count(*) FROM visit_notes WHERE visit_notes.visit_id = visits.id AND visit_notes.deleted_at IS NULL
       AND trim(visit_notes.text) <> '') AS note_count
  FROM visits JOIN homes ON homes.id = visits.home_id`;

const summaryOf = (row: VisitRow): VisitSummary => ({
  ...row,
  visitors: JSON.parse(row.visitors) as Visitor[],
  placements: JSON.parse(row.placements) as VisitSummary['placements'],
});

function visitSummaries({ db }: ServiceContext, where: SqlQuery): VisitSummary[] {
  return db
    .records<VisitRow>(sql`${selectVisits} WHERE ${where} ORDER BY visits.visited_at DESC, visits.rowid DESC`)
    .map(summaryOf);
}

function notesOf({ db }: ServiceContext, visitIds: readonly string[]): VisitNote[] {
  return db.records<VisitNote>(sql`
    SELECT id, visit_id, text, variable, about, kind, source, young_person, rating, reason, created_at, updated_at
    FROM visit_notes
    WHERE visit_id IN (SELECT value FROM json_each(${JSON.stringify(visitIds)})) AND deleted_at IS NULL
    ORDER BY created_at, rowid`);
}

function withNotes(context: ServiceContext, summaries: VisitSummary[]): Visit[] {
  const notes = notesOf(
    context,
    summaries.map((visit) => visit.id),
  );
  return summaries.map((visit) => ({ ...visit, notes: notes.filter((note) => note.visitId === visit.id) }));
}

const visitNotFound = () => new ApiError('not_found', 'That visit is not in the case book. It may have been removed.');

export function listVisits(context: ServiceContext, input: ParsedInput<'visits.list'>): VisitSummary[] {
  const homeId = input.homeId ?? null;
  const placementId = input.placementId ?? null;
  return visitSummaries(
    context,
    sql`(${input.includeArchived ? 1 : 0} OR visits.archived_at IS NULL)
      AND (${homeId} IS NULL OR visits.home_id = ${homeId})
      AND (${placementId} IS NULL OR visits.id IN (SELECT visit_id FROM visit_placements WHERE placement_id = ${placementId}))`,
  );
}

export function getVisit(context: ServiceContext, visitId: string): Visit {
  const [summary] = visitSummaries(context, sql`visits.id = ${visitId}`);
  if (!summary) throw visitNotFound();
  return withNotes(context, [summary])[0]!;
}

type VisitInput = ParsedInput<'visits.create'>;

/** The home, the people named from the case book and the placements must exist, and the placements be at that home. */
function checkLinks(context: ServiceContext, input: VisitInput, current: Visit | null): void {
  requireLinked(
    context,
    'homes',
    input.homeId,
    'homeId',
    'Choose a home from the list.',
    (row) => !row.archived_at || input.homeId === current?.homeId,
  );
  input.visitors.forEach((visitor, index) => {
    if (visitor.personId)
      requireLinked(
        context,
        'people',
        visitor.personId,
        `visitors.${index}.personId`,
        'Choose a person from the case book.',
      );
  });
  for (const placementId of input.placementIds) {
    const placement = context.db.get<{ home_id: string }>(
      sql`SELECT home_id FROM placements WHERE id = ${placementId}`,
    );
    if (!placement || placement.home_id !== input.homeId) {
      const message = 'Choose placements at the home visited.';
      throw new ApiError('invalid_input', message, { placementIds: message });
    }
  }
}

function writeVisit(context: ServiceContext, id: string, input: VisitInput): void {
  const { db } = context;
  const visitors = JSON.stringify(
    input.visitors.map((visitor) => ({ personId: visitor.personId ?? null, name: visitor.name })),
  );
  db.run(sql`DELETE FROM visit_placements WHERE visit_id = ${id}`);
  for (const placementId of input.placementIds)
    db.run(sql`INSERT INTO visit_placements (visit_id, placement_id) VALUES (${id}, ${placementId})`);
  db.run(sql`
    UPDATE visits SET home_id = ${input.homeId}, visited_at = ${new Date(input.visitedAt).toISOString()}, kind = ${input.kind},
      purpose = ${input.purpose}, visitors = ${visitors}, updated_at = ${isoNow(context.clock)}
    WHERE id = ${id}`);
}

function changed(context: ServiceContext, visit: Visit, part: 'visit' | 'notes'): Visit {
  context.events.emit('visits.changed', { visitId: visit.id, homeId: visit.homeId, part });
  return visit;
}

export function createVisit(context: ServiceContext, input: VisitInput): Visit {
  const { db, clock } = context;
  const id = randomUUID();
  const now = isoNow(clock);
  db.transaction(() => {
    checkLinks(context, input, null);
    db.run(sql`
      INSERT INTO visits (id, home_id, visited_at, kind, created_at, updated_at)
      VALUES (${id}, ${input.homeId}, ${now}, ${input.kind}, ${now}, ${now})`);
    writeVisit(context, id, input);
  });
  return changed(context, getVisit(context, id), 'visit');
}

export function updateVisit(context: ServiceContext, input: ParsedInput<'visits.update'>): Visit {
  context.db.transaction(() => {
    checkLinks(context, input, getVisit(context, input.id));
    writeVisit(context, input.id, input);
  });
  return changed(context, getVisit(context, input.id), 'visit');
}

export function setVisitArchived(context: ServiceContext, visitId: string, archived: boolean): Visit {
  const now = isoNow(context.clock);
  const result = context.db.run(sql`
    UPDATE visits SET archived_at = ${archived ? now : null}, updated_at = ${now} WHERE id = ${visitId}`);
  if (result.changes === 0) throw visitNotFound();
  return changed(context, getVisit(context, visitId), 'visit');
}

/** Saves a note as it is typed: the first save creates it (the renderer makes its id), later ones change it. */
export function saveVisitNote(context: ServiceContext, input: ParsedInput<'visitNotes.save'>): { savedAt: string } {
  const { db } = context;
  const now = isoNow(context.clock);
  const homeId = db.transaction(() => {
    const visit = db.get<{ home_id: string }>(sql`SELECT home_id FROM visits WHERE id = ${input.visitId}`);
    if (!visit) throw visitNotFound();
    const existing = db.get<{ visit_id: string }>(sql`SELECT visit_id FROM visit_notes WHERE id = ${input.id}`);
    if (existing && existing.visit_id !== input.visitId)
      throw new ApiError('conflict', 'That note belongs to another visit.');
    const fields = sql`${input.text}, ${input.variable}, ${input.about}, ${input.kind}, ${input.source}, ${input.youngPerson},
      ${input.rating}, ${input.reason}`;
    if (existing) {
      db.run(sql`
        UPDATE visit_notes SET (text, variable, about, kind, source, young_person, rating, reason, updated_at) = (${fields}, ${now})
        WHERE id = ${input.id}`);
    } else {
      db.run(sql`
        INSERT INTO visit_notes (id, visit_id, text, variable, about, kind, source, young_person, rating, reason, created_at, updated_at)
        VALUES (${input.id}, ${input.visitId}, ${fields}, ${now}, ${now})`);
      appendAudit(context, {
        action: 'visitNotes.created',
        subjectKind: 'visit_notes',
        subjectId: input.id,
        detail: { visitId: input.visitId },
      });
    }
    return visit.home_id;
  });
  context.events.emit('visits.changed', { visitId: input.visitId, homeId, part: 'notes' });
  return { savedAt: now };
}

/** Deleting keeps the note, hidden, so that undo can bring it back. */
export function setVisitNoteDeleted(
  context: ServiceContext,
  input: ParsedInput<'visitNotes.delete'>,
  deleted: boolean,
): Visit {
  const result = context.db.run(sql`
    UPDATE visit_notes SET deleted_at = ${deleted ? isoNow(context.clock) : null}
    WHERE id = ${input.noteId} AND visit_id = ${input.visitId}`);
  if (result.changes === 0) throw new ApiError('not_found', 'That note is not in this visit.');
  return changed(context, getVisit(context, input.visitId), 'visit');
}

/**
 * The visits a review brings in: to its home (or its placement's home, touching that placement
 * or no placement in particular), after the last review of the same subject that was held
 * (concluded) before it, and up to its own day. Archived visits stay out.
 */
export function visitsSinceLastReview(context: ServiceContext, input: ParsedInput<'visits.sinceLastReview'>): Visit[] {
  const { db } = context;
  const review = db.record<ReviewSubject & { id: string; scheduledFor: string }>(sql`
    SELECT id, scope, home_id, placement_id, commissioner_id, provider_id, scheduled_for
    FROM reviews WHERE id = ${input.reviewId}`);
  if (!review) throw new ApiError('not_found', 'That review is not in the case book. It may have been removed.');
  const homeId =
    review.homeId ??
    db.get<{ home_id: string }>(sql`SELECT home_id FROM placements WHERE id = ${review.placementId}`)?.home_id ??
    null;
  if (!homeId) return [];
  const previous = db.get<{ scheduled_for: string }>(sql`
    SELECT scheduled_for FROM reviews
    WHERE id <> ${review.id} AND archived_at IS NULL AND status IN ('concluded', 'signed') AND ${sameSubject(review)}
      AND scheduled_for < ${review.scheduledFor}
    ORDER BY scheduled_for DESC LIMIT 1`);
  // Up to the end of the review's day: a visit that morning is still before the meeting in the room's eyes.
  const until = `${review.scheduledFor.slice(0, 10)}T23:59:59.999Z`;
  const placementId = review.placementId;
  return withNotes(
    context,
    visitSummaries(
      context,
      sql`visits.archived_at IS NULL AND visits.home_id = ${homeId}
        AND visits.visited_at > ${previous?.scheduled_for ?? ''} AND visits.visited_at <= ${until}
        AND (${placementId} IS NULL
          OR NOT EXISTS (SELECT 1 FROM visit_placements WHERE visit_id = visits.id)
          OR EXISTS (SELECT 1 FROM visit_placements WHERE visit_id = visits.id AND placement_id = ${placementId}))`,
    ),
  ).reverse();
}

/** Every rating of a variable at the home's visits, oldest first, for its history. */
export function variableHistory(
  context: ServiceContext,
  input: ParsedInput<'visits.variableHistory'>,
): VariableRating[] {
  return context.db.records<VariableRating>(sql`
    SELECT visit_notes.variable, visits.id AS visit_id, visits.visited_at, visit_notes.rating, visit_notes.reason
    FROM visit_notes JOIN visits ON visits.id = visit_notes.visit_id
    WHERE visits.home_id = ${input.homeId} AND visits.archived_at IS NULL AND visit_notes.deleted_at IS NULL
      AND visit_notes.rating IS NOT NULL
    ORDER BY visits.visited_at, visit_notes.variable, visit_notes.rowid`);
}

/** When and what kind of visit a note was taken at, for the minutes to cite; null if it is gone. */
export function visitCitation(context: ServiceContext, visitNoteId: string): Pick<Visit, 'visitedAt' | 'kind'> | null {
  return (
    context.db.record<Pick<Visit, 'visitedAt' | 'kind'>>(sql`
      SELECT visits.visited_at, visits.kind FROM visit_notes JOIN visits ON visits.id = visit_notes.visit_id
      WHERE visit_notes.id = ${visitNoteId}`) ?? null
  );
}

import type { ParsedInput } from '@shared/api/contract';
import type { ExportedFile } from '@shared/domain/exported-file';
import { placementStatusLabels, type Placement } from '@shared/domain/placements';
import { reviewStatusLabel, type Review } from '@shared/domain/reviews';
import { formatDate, formatDateTime } from '@shared/format/dates';
import { isoNow } from '@core/clock';
import {
  qualityOfCareVariables,
  visitKindLabels,
  visitNoteKindLabels,
  type VisitKind,
  type VisitNoteKind,
} from '@shared/domain/visits';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { getPlacement } from './placements';
import { getReview } from './reviews';

interface VisitRow {
  id: string;
  visitedAt: string;
  kind: VisitKind;
  purpose: string;
  homeName: string;
}

interface VisitNoteRow {
  id: string;
  visitedAt: string;
  homeName: string;
  kind: VisitNoteKind | null;
  variable: number | null;
  text: string;
  source: string;
  youngPerson: string;
  rating: number | null;
  reason: string;
}

interface NoteRow {
  id: string;
  reviewTitle: string;
  phase: string;
  side: string;
  kind: string;
  text: string;
  source: string;
  commissionerView: string;
  providerView: string;
  createdAt: string;
}

/** The reference as an exact FTS5 phrase (letters and digits only), or null. */
function phraseOf(reference: string): string | null {
  const words = reference.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  return words ? `"${words.join(' ')}"` : null;
}

/**
 * Everything the case book holds about one child reference, as a plain text file a person can
 * read: the placements, their reviews, and every note in those reviews or mentioning the reference.
 */
export function exportSubjectAccess(context: ServiceContext, input: ParsedInput<'subjectAccess.export'>): ExportedFile {
  const { db, clock } = context;
  const reference = input.childReference;
  const placements = db
    .all<{ id: string }>(
      sql`SELECT id FROM placements WHERE lower(child_reference) = lower(${reference}) ORDER BY start_date, created_at`,
    )
    .map((row) => getPlacement(context, row.id));
  const reviews = db
    .all<{ id: string }>(
      sql`
      SELECT id FROM reviews WHERE placement_id IN (SELECT value FROM json_each(${JSON.stringify(placements.map((p) => p.id))}))
      ORDER BY scheduled_for`,
    )
    .map((row) => getReview(context, row.id));
  const phrase = phraseOf(reference);
  const notes = db.records<NoteRow>(sql`
      SELECT notes.id, reviews.title AS review_title, notes.phase, notes.side, notes.kind, notes.text, notes.source,
        notes.commissioner_view, notes.provider_view, notes.created_at
      FROM notes JOIN reviews ON reviews.id = notes.review_id
      WHERE notes.deleted_at IS NULL AND (
        notes.review_id IN (SELECT value FROM json_each(${JSON.stringify(reviews.map((r) => r.id))}))
        ${phrase ? sql`OR notes.rowid IN (SELECT rowid FROM notes_index WHERE notes_index MATCH ${phrase})` : sql``})
      ORDER BY notes.created_at`);
  const placementIds = JSON.stringify(placements.map((p) => p.id));
  // Visits touching those placements, and every visit note about the reference or mentioning it.
  const visits = db.records<VisitRow>(sql`
      SELECT visits.id, visits.visited_at, visits.kind, visits.purpose, homes.name AS home_name
      FROM visits JOIN homes ON homes.id = visits.home_id
      WHERE visits.id IN (SELECT visit_id FROM visit_placements WHERE placement_id IN (SELECT value FROM json_each(${placementIds})))
      ORDER BY visits.visited_at`);
  const visitNotes = db.records<VisitNoteRow>(sql`
      SELECT visit_notes.id, visits.visited_at, homes.name AS home_name, visit_notes.kind, visit_notes.variable,
        visit_notes.text, visit_notes.source, visit_notes.young_person, visit_notes.rating, visit_notes.reason
      FROM visit_notes JOIN visits ON visits.id = visit_notes.visit_id JOIN homes ON homes.id = visits.home_id
      WHERE visit_notes.deleted_at IS NULL AND (
        visit_notes.visit_id IN (SELECT value FROM json_each(${JSON.stringify(visits.map((v) => v.id))}))
        OR lower(visit_notes.young_person) = lower(${reference})
        ${phrase ? sql`OR visit_notes.rowid IN (SELECT rowid FROM visit_notes_index WHERE visit_notes_index MATCH ${phrase})` : sql``})
      ORDER BY visits.visited_at, visit_notes.created_at`);

  const made = isoNow(clock);
  const lines = [
    'Relational Review: subject access export',
    '',
    `Child reference: ${reference}`,
    `Made: ${formatDateTime(made)} (UK time)`,
    '',
    'This file holds everything this case book holds about the child reference above: the placements',
    'with that reference, the reviews of those placements, and every note made in those reviews or',
    'mentioning the reference; the visits touching those placements, and every note of a visit made',
    'at them, about the reference or mentioning it. The case book never holds a child’s name.',
    '',
    ...section('Placements', placements.map(describePlacement)),
    ...section('Reviews', reviews.map(describeReview)),
    ...section('Notes', notes.map(describeNote)),
    ...section('Visits', visits.map(describeVisit)),
    ...section('Notes of visits', visitNotes.map(describeVisitNote)),
  ];
  if (placements.length + reviews.length + notes.length + visits.length + visitNotes.length === 0) {
    lines.push('The case book holds nothing about this reference.');
  }
  return {
    fileName: `subject-access-${reference.replace(/[^A-Za-z0-9-]+/g, '_')}-${made.slice(0, 10)}.txt`,
    mediaType: 'text/plain; charset=utf-8',
    content: `${lines.join('\n')}\n`,
  };
}

function section(title: string, entries: string[]): string[] {
  return [`${title} (${entries.length})`, '-'.repeat(title.length + 4), ...(entries.length ? entries : ['None.']), ''];
}

const dateOr = (value: string | null, missing: string) => (value ? formatDate(value) : missing);

function describePlacement(placement: Placement): string {
  return [
    `- ${placement.childReference} at ${placement.homeName}, placed by ${placement.placingAuthorityName}.`,
    `  Status: ${placementStatusLabels[placement.status]}. Start: ${dateOr(placement.startDate, 'not recorded')}. End: ${dateOr(placement.endDate, 'not recorded')}.`,
    `  Recorded ${formatDateTime(placement.createdAt)}${placement.archivedAt ? `; archived ${formatDateTime(placement.archivedAt)}` : ''}.`,
  ].join('\n');
}

function describeReview(review: Review): string {
  return [
    `- ${review.title}, ${formatDateTime(review.scheduledFor)}${review.place ? ` at ${review.place}` : ''}.`,
    `  Status: ${reviewStatusLabel(review)}. Between ${review.commissionerName} and ${review.providerName}.`,
    ...(review.purpose ? [`  Purpose: ${review.purpose}`] : []),
    ...(review.nextReviewDate ? [`  Next review: ${formatDate(review.nextReviewDate)}.`] : []),
  ].join('\n');
}

function describeNote(note: NoteRow): string {
  const indented = (text: string) => text.replace(/\n/g, '\n  ');
  const parts = [
    note.text,
    note.source && `Source: ${note.source}`,
    note.commissionerView && `The commissioner’s view: ${note.commissionerView}`,
    note.providerView && `The provider’s view: ${note.providerView}`,
  ].filter(Boolean);
  return `- ${formatDateTime(note.createdAt)}, ${note.reviewTitle} (${note.phase}; ${note.side}; ${note.kind}):\n  ${parts.map(indented).join('\n  ')}`;
}

function describeVisit(visit: VisitRow): string {
  return `- ${formatDateTime(visit.visitedAt)}: ${visitKindLabels[visit.kind]} to ${visit.homeName}.${visit.purpose ? ` ${visit.purpose}` : ''}`;
}

function describeVisitNote(note: VisitNoteRow): string {
  const variable = qualityOfCareVariables.find((entry) => entry.number === note.variable);
  const heading = [
    `${formatDateTime(note.visitedAt)}, a visit to ${note.homeName}`,
    note.kind && visitNoteKindLabels[note.kind],
    note.youngPerson && `young person ${note.youngPerson}`,
    variable && `variable ${variable.number}, ${variable.name}`,
  ]
    .filter(Boolean)
    .join('; ');
  const parts = [
    note.text,
    note.source && `Source: ${note.source}`,
    note.rating !== null && `Rated ${note.rating} of 5${note.reason ? `: ${note.reason}` : ''}`,
  ].filter(Boolean) as string[];
  return `- ${heading}:\n  ${parts.map((part) => part.replace(/\n/g, '\n  ')).join('\n  ')}`;
}

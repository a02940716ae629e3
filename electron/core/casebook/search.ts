import type { ParsedInput } from '@shared/api/contract';
import {
  highlightEnd,
  highlightStart,
  searchKinds,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from '@shared/domain/search';
import { visitKindLabels, type VisitKind } from '@shared/domain/visits';
import type { ServiceContext } from '@core/context';
import { sql, type SqlQuery } from '@core/db/sql';

const maxRecordMatches = 60;
const maxHitsPerKind = 10;

/**
 * Turns anything a person types into a safe FTS5 query: only runs of letters and digits survive,
 * each one quoted and matched as a prefix, all of them required. Quotes, brackets, operators and
 * emoji can therefore never reach FTS5's syntax. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 16)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** Records (not notes), best match first: a small index, so ranking is cheap. */
export function recordMatches(ftsQuery: string): SqlQuery {
  return sql`
    SELECT kind, record_id AS id, archived, highlight(search_index, 3, ${highlightStart}, ${highlightEnd}) AS title,
           snippet(search_index, 4, ${highlightStart}, ${highlightEnd}, '…', 12) AS snippet
    FROM search_index WHERE search_index MATCH ${ftsQuery}
    ORDER BY rank LIMIT ${maxRecordMatches}`;
}

/** Notes, newest first: ranking hundreds of thousands would be slow, and recent notes matter most. */
export function noteMatches(ftsQuery: string): SqlQuery {
  return sql`
    SELECT reviews.id, reviews.title, reviews.scheduled_for AS scheduledFor, reviews.archived_at IS NOT NULL AS archived,
           snippet(notes_index, 0, ${highlightStart}, ${highlightEnd}, '…', 16) AS snippet
    FROM notes_index
    JOIN notes ON notes.rowid = notes_index.rowid
    JOIN reviews ON reviews.id = notes.review_id
    WHERE notes_index MATCH ${ftsQuery}
    ORDER BY notes_index.rowid DESC LIMIT ${maxHitsPerKind}`;
}

/** A visit's notes, newest first, each opening its visit. */
export function visitNoteMatches(ftsQuery: string): SqlQuery {
  return sql`
    SELECT visits.id, visits.visited_at AS scheduledFor, visits.archived_at IS NOT NULL AS archived, '' AS title,
           snippet(visit_notes_index, 0, ${highlightStart}, ${highlightEnd}, '…', 16) AS snippet
    FROM visit_notes_index
    JOIN visit_notes ON visit_notes.rowid = visit_notes_index.rowid
    JOIN visits ON visits.id = visit_notes.visit_id
    WHERE visit_notes_index MATCH ${ftsQuery}
    ORDER BY visit_notes_index.rowid DESC LIMIT ${maxHitsPerKind}`;
}

interface Match {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  archived: number;
  scheduledFor?: string;
}

/** A placement's hit names its home, which is not in the index (homes can be renamed). */
function placeHomes({ db }: ServiceContext, hits: SearchHit[]): void {
  const ids = JSON.stringify(hits.map((hit) => hit.id));
  const homes = new Map(
    db
      .all<{ id: string; home: string }>(
        sql`
        SELECT placements.id, homes.name AS home FROM placements JOIN homes ON homes.id = placements.home_id
        WHERE placements.id IN (SELECT value FROM json_each(${ids}))`,
      )
      .map((row) => [row.id, row.home]),
  );
  for (const hit of hits) hit.snippet ||= `At ${homes.get(hit.id) ?? 'an unknown home'}`;
}

/** A review's hit carries its date, which is not in the index (a review can be moved). */
function dateReviews({ db }: ServiceContext, hits: SearchHit[]): void {
  const ids = JSON.stringify(hits.map((hit) => hit.id));
  const dates = new Map(
    db
      .all<{ id: string; scheduledFor: string }>(
        sql`SELECT id, scheduled_for AS scheduledFor FROM reviews WHERE id IN (SELECT value FROM json_each(${ids}))`,
      )
      .map((row) => [row.id, row.scheduledFor]),
  );
  for (const hit of hits) {
    const date = dates.get(hit.id);
    if (date) hit.scheduledFor = date;
  }
}

/**
 * A visit's hit is named by its kind and home, which the index does not hold (a home can be
 * renamed); what matched in its purpose or visitors becomes the snippet.
 */
function nameVisits({ db }: ServiceContext, hits: SearchHit[]): void {
  const ids = JSON.stringify(hits.map((hit) => hit.id));
  const visits = new Map(
    db
      .all<{ id: string; kind: VisitKind; home: string; visitedAt: string }>(
        sql`
        SELECT visits.id, visits.kind, homes.name AS home, visits.visited_at AS visitedAt
        FROM visits JOIN homes ON homes.id = visits.home_id WHERE visits.id IN (SELECT value FROM json_each(${ids}))`,
      )
      .map((row) => [row.id, row]),
  );
  for (const hit of hits) {
    const visit = visits.get(hit.id);
    if (!visit) continue;
    if (!hit.snippet) hit.snippet = hit.title;
    hit.title = `${visitKindLabels[visit.kind]} to ${visit.home}`;
    hit.scheduledFor = visit.visitedAt;
  }
}

export function searchCaseBook(context: ServiceContext, input: ParsedInput<'search.query'>): SearchResults {
  const ftsQuery = toFtsQuery(input.text);
  if (!ftsQuery) return { text: input.text, groups: [] };

  const hitsByKind = new Map<SearchKind, SearchHit[]>();
  const add = (kind: SearchKind, match: Omit<Match, 'kind'>) => {
    const hits = hitsByKind.get(kind) ?? [];
    if (hits.length < maxHitsPerKind)
      hits.push({
        kind,
        id: match.id,
        title: match.title,
        snippet: match.snippet,
        archived: match.archived === 1,
        ...(match.scheduledFor ? { scheduledFor: match.scheduledFor } : {}),
      });
    hitsByKind.set(kind, hits);
  };
  for (const match of context.db.all<Match>(recordMatches(ftsQuery))) add(match.kind, match);
  for (const match of context.db.all<Omit<Match, 'kind'>>(noteMatches(ftsQuery))) add('note', match);
  for (const match of context.db.all<Omit<Match, 'kind'>>(visitNoteMatches(ftsQuery))) add('visit', match);

  const placements = hitsByKind.get('placement');
  if (placements) placeHomes(context, placements);
  const reviews = hitsByKind.get('review');
  if (reviews) dateReviews(context, reviews);
  const visits = hitsByKind.get('visit');
  if (visits) nameVisits(context, visits);
  const groups = searchKinds.flatMap((kind) => {
    const hits = hitsByKind.get(kind);
    return hits ? [{ kind, hits }] : [];
  });
  return { text: input.text, groups };
}

import type { ParsedInput } from '../../../shared/api/contract';
import {
  highlightEnd,
  highlightStart,
  searchKinds,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from '../../../shared/domain/search';
import type { ServiceContext } from '../context';
import { sql, type SqlQuery } from '../db/sql';

const maxMatches = 60;
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

/** The one full-text query, also run raw by the bench to measure the service against it. */
export function matchQuery(ftsQuery: string): SqlQuery {
  return sql`
    SELECT kind, record_id, highlight(search_index, 2, ${highlightStart}, ${highlightEnd}) AS title,
           snippet(search_index, 3, ${highlightStart}, ${highlightEnd}, '…', 12) AS snippet
    FROM search_index WHERE search_index MATCH ${ftsQuery}
    ORDER BY rank LIMIT ${maxMatches}`;
}

interface Match {
  kind: SearchKind;
  record_id: string;
  title: string;
  snippet: string;
}

interface Resolved {
  id: string;
  title?: string;
  subtitle?: string;
  archived: boolean;
}

/** For each kind: the record a hit opens, whether it is archived, and a title where the hit has none. */
const resolvers: Record<SearchKind, (ids: string) => SqlQuery> = {
  organisation: (ids) => sql`SELECT id, id AS key, archived_at IS NOT NULL AS archived FROM organisations WHERE id IN (SELECT value FROM json_each(${ids}))`,
  home: (ids) => sql`SELECT id, id AS key, archived_at IS NOT NULL AS archived FROM homes WHERE id IN (SELECT value FROM json_each(${ids}))`,
  person: (ids) => sql`SELECT id, id AS key, archived_at IS NOT NULL AS archived FROM people WHERE id IN (SELECT value FROM json_each(${ids}))`,
  placement: (ids) => sql`
    SELECT placements.id, placements.id AS key, placements.archived_at IS NOT NULL AS archived, 'At ' || homes.name AS subtitle
    FROM placements JOIN homes ON homes.id = placements.home_id WHERE placements.id IN (SELECT value FROM json_each(${ids}))`,
  review: (ids) => sql`SELECT id, id AS key, archived_at IS NOT NULL AS archived FROM reviews WHERE id IN (SELECT value FROM json_each(${ids}))`,
  note: (ids) => sql`
    SELECT reviews.id, notes.id AS key, reviews.archived_at IS NOT NULL AS archived, reviews.title
    FROM notes JOIN reviews ON reviews.id = notes.review_id WHERE notes.id IN (SELECT value FROM json_each(${ids}))`,
};

export function searchCaseBook({ db }: ServiceContext, input: ParsedInput<'search.query'>): SearchResults {
  const ftsQuery = toFtsQuery(input.text);
  if (!ftsQuery) return { text: input.text, groups: [] };

  const byKind = new Map<SearchKind, Match[]>();
  for (const match of db.all<Match>(matchQuery(ftsQuery))) {
    const list = byKind.get(match.kind) ?? [];
    if (list.length < maxHitsPerKind) list.push(match);
    byKind.set(match.kind, list);
  }

  const groups: SearchResults['groups'] = [];
  for (const kind of searchKinds) {
    const matches = byKind.get(kind);
    if (!matches) continue;
    const resolved = new Map(
      db
        .all<Resolved & { key: string }>(resolvers[kind](JSON.stringify(matches.map((match) => match.record_id))))
        .map((row) => [row.key, row]),
    );
    const hits: SearchHit[] = [];
    for (const match of matches) {
      const record = resolved.get(match.record_id);
      if (!record) continue;
      hits.push({
        kind,
        id: record.id,
        title: record.title ?? match.title,
        snippet: match.snippet || record.subtitle || '',
        archived: Boolean(record.archived),
      });
    }
    if (hits.length) groups.push({ kind, hits });
  }
  return { text: input.text, groups };
}

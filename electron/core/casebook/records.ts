import { ApiError } from '@shared/api/errors';
import type { ServerEvents } from '@shared/api/events';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql, type TableName } from '@core/db/sql';

type RecordKind = ServerEvents['casebook.changed']['kind'];

const tableOf: Record<Exclude<RecordKind, 'all'>, TableName> = {
  organisation: 'organisations',
  home: 'homes',
  person: 'people',
  placement: 'placements',
  review: 'reviews',
};

/** Archives or restores a record; both are undoable and keep everything about it. */
export function setArchived(
  context: ServiceContext,
  kind: Exclude<RecordKind, 'all'>,
  id: string,
  archived: boolean,
): void {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const table = sql.table(tableOf[kind]);
  const result = db.run(sql`
    UPDATE ${table} SET archived_at = ${archived ? now : null}, updated_at = ${now}
    WHERE id = ${id}`);
  if (result.changes === 0) throw notFound(kind);
  events.emit('casebook.changed', { kind, id });
}

export function notFound(kind: Exclude<RecordKind, 'all'>): ApiError {
  return new ApiError('not_found', `That ${kind} is not in the case book. It may have been removed.`);
}

/** Checks that a linked record exists (and is not archived, for new links). */
export function requireLinked(
  context: ServiceContext,
  table: TableName,
  id: string,
  field: string,
  message: string,
  condition: (row: { kind?: string; archived_at: string | null }) => boolean = () => true,
): void {
  const row = context.db.get<{ kind?: string; archived_at: string | null }>(
    sql`SELECT *, archived_at FROM ${sql.table(table)} WHERE id = ${id}`,
  );
  if (!row || !condition(row)) throw new ApiError('invalid_input', message, { [field]: message });
}

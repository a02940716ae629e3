import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { organisationKindLabels, type Organisation } from '@shared/domain/organisations';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { notFound } from './records';

export function listOrganisations({ db }: ServiceContext, input: ParsedInput<'organisations.list'>): Organisation[] {
  return db.records<Organisation>(sql`
      SELECT * FROM organisations
      WHERE ${input.includeArchived ? 1 : 0} OR archived_at IS NULL
      ORDER BY name COLLATE NOCASE, id`);
}

export function getOrganisation({ db }: ServiceContext, id: string): Organisation {
  const record = db.record<Organisation>(sql`SELECT * FROM organisations WHERE id = ${id}`);
  if (!record) throw notFound('organisation');
  return record;
}

function refuseDuplicate(
  { db }: ServiceContext,
  name: string,
  kind: Organisation['kind'],
  exceptId: string | null,
): void {
  const existing = db.get<{ id: string }>(sql`
    SELECT id FROM organisations
    WHERE lower(name) = lower(${name}) AND kind = ${kind} AND id IS NOT ${exceptId}`);
  if (existing) {
    throw new ApiError('conflict', `${organisationKindLabels[kind]} “${name}” is already in the case book.`, {
      name: 'An organisation of this kind already has this name.',
    });
  }
}

export function createOrganisation(context: ServiceContext, input: ParsedInput<'organisations.create'>): Organisation {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    refuseDuplicate(context, input.name, input.kind, null);
    db.run(sql`
      INSERT INTO organisations (id, name, kind, created_at, updated_at)
      VALUES (${id}, ${input.name}, ${input.kind}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'organisation', id });
  return getOrganisation(context, id);
}

export function updateOrganisation(context: ServiceContext, input: ParsedInput<'organisations.update'>): Organisation {
  const { db, clock, events } = context;
  db.transaction(() => {
    const current = getOrganisation(context, input.id);
    refuseDuplicate(context, input.name, input.kind, input.id);
    if (current.kind !== input.kind) refuseKindChangeInUse(context, current);
    db.run(sql`
      UPDATE organisations SET name = ${input.name}, kind = ${input.kind}, updated_at = ${isoNow(clock)}
      WHERE id = ${input.id}`);
  });
  events.emit('casebook.changed', { kind: 'organisation', id: input.id });
  return getOrganisation(context, input.id);
}

/** A provider that runs homes stays a provider; a placing authority stays a local authority. */
function refuseKindChangeInUse({ db }: ServiceContext, organisation: Organisation): void {
  const uses = db.get<{ homes: number; placements: number }>(sql`
    SELECT (SELECT count(*) FROM homes WHERE provider_id = ${organisation.id}) AS homes,
           (SELECT count(*) FROM placements WHERE placing_authority_id = ${organisation.id}) AS placements`)!;
  if (uses.homes > 0 || uses.placements > 0) {
    const what = uses.homes > 0 ? `runs ${uses.homes} home${uses.homes === 1 ? '' : 's'}` : 'places children';
    throw new ApiError('conflict', `${organisation.name} ${what} in the case book, so its kind cannot change.`, {
      kind: `This organisation ${what}, so its kind stays ${organisationKindLabels[organisation.kind]}.`,
    });
  }
}

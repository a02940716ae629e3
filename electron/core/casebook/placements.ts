import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import type { Placement } from '@shared/domain/placements';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { notFound, requireLinked } from './records';

const selectPlacements = sql`
  SELECT placements.*, homes.name AS home_name, organisations.name AS placing_authority_name
  FROM placements
  JOIN homes ON homes.id = placements.home_id
  JOIN organisations ON organisations.id = placements.placing_authority_id`;

export function listPlacements({ db }: ServiceContext, input: ParsedInput<'placements.list'>): Placement[] {
  return db.records<Placement>(sql`${selectPlacements}
      WHERE (${input.includeArchived ? 1 : 0} OR placements.archived_at IS NULL)
        AND (${input.homeId ?? null} IS NULL OR placements.home_id = ${input.homeId ?? null})
        AND (${input.placingAuthorityId ?? null} IS NULL OR placements.placing_authority_id = ${input.placingAuthorityId ?? null})
      ORDER BY coalesce(placements.start_date, placements.created_at) DESC, placements.id`);
}

export function getPlacement({ db }: ServiceContext, id: string): Placement {
  const record = db.record<Placement>(sql`${selectPlacements} WHERE placements.id = ${id}`);
  if (!record) throw notFound('placement');
  return record;
}

type PlacementInput = ParsedInput<'placements.create'>;

function checkLinks(context: ServiceContext, input: PlacementInput, current: Placement | null): void {
  requireLinked(
    context,
    'homes',
    input.homeId,
    'homeId',
    'Choose a home from the list.',
    (row) => !row.archived_at || input.homeId === current?.homeId,
  );
  requireLinked(
    context,
    'organisations',
    input.placingAuthorityId,
    'placingAuthorityId',
    'Choose a local authority from the list.',
    (row) =>
      row.kind === 'local_authority' && (!row.archived_at || input.placingAuthorityId === current?.placingAuthorityId),
  );
}

export function createPlacement(context: ServiceContext, input: ParsedInput<'placements.create'>): Placement {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    checkLinks(context, input, null);
    db.run(sql`
      INSERT INTO placements (id, home_id, placing_authority_id, child_reference, start_date, end_date, status, created_at, updated_at)
      VALUES (${id}, ${input.homeId}, ${input.placingAuthorityId}, ${input.childReference}, ${input.startDate ?? null},
              ${input.endDate ?? null}, ${input.status}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'placement', id });
  return getPlacement(context, id);
}

export function updatePlacement(context: ServiceContext, input: ParsedInput<'placements.update'>): Placement {
  const { db, clock, events } = context;
  db.transaction(() => {
    checkLinks(context, input, getPlacement(context, input.id));
    db.run(sql`
      UPDATE placements SET home_id = ${input.homeId}, placing_authority_id = ${input.placingAuthorityId},
        child_reference = ${input.childReference}, start_date = ${input.startDate ?? null}, end_date = ${input.endDate ?? null},
        status = ${input.status}, updated_at = ${isoNow(clock)}
      WHERE id = ${input.id}`);
  });
  events.emit('casebook.changed', { kind: 'placement', id: input.id });
  return getPlacement(context, input.id);
}

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { Organisation } from '../../../shared/domain/organisations';
import { organisationKindLabels } from '../../../shared/domain/organisations';
import type { ParsedInput } from '../../../shared/api/contract';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { sql } from '../db/sql';

interface OrganisationRow {
  id: string;
  name: string;
  kind: Organisation['kind'];
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

export function listOrganisations({ db }: ServiceContext, input: ParsedInput<'organisations.list'>): Organisation[] {
  const rows = db.all<OrganisationRow>(sql`
    SELECT * FROM organisations
    WHERE ${input.includeArchived ? 1 : 0} OR archived_at IS NULL
    ORDER BY name COLLATE NOCASE, id`);
  return rows.map(toOrganisation);
}

export function getOrganisation({ db }: ServiceContext, id: string): Organisation {
  const row = db.get<OrganisationRow>(sql`SELECT * FROM organisations WHERE id = ${id}`);
  if (!row) throw new ApiError('not_found', 'That organisation is not in the case book. It may have been removed.');
  return toOrganisation(row);
}

export function createOrganisation(context: ServiceContext, input: ParsedInput<'organisations.create'>): Organisation {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    const existing = db.get<{ id: string }>(
      sql`SELECT id FROM organisations WHERE lower(name) = lower(${input.name}) AND kind = ${input.kind}`,
    );
    if (existing) {
      throw new ApiError(
        'conflict',
        `${organisationKindLabels[input.kind]} “${input.name}” is already in the case book.`,
        { name: 'An organisation of this kind already has this name.' },
      );
    }
    db.run(sql`
      INSERT INTO organisations (id, name, kind, created_at, updated_at)
      VALUES (${id}, ${input.name}, ${input.kind}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'organisation', id });
  return getOrganisation(context, id);
}

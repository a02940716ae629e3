import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import type { Person } from '@shared/domain/people';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { notFound, requireLinked } from './records';

const selectPeople = sql`
  SELECT people.*, organisations.name AS organisation_name
  FROM people LEFT JOIN organisations ON organisations.id = people.organisation_id`;

export function listPeople({ db }: ServiceContext, input: ParsedInput<'people.list'>): Person[] {
  return db.records<Person>(sql`${selectPeople}
      WHERE (${input.includeArchived ? 1 : 0} OR people.archived_at IS NULL)
        AND (${input.organisationId ?? null} IS NULL OR people.organisation_id = ${input.organisationId ?? null})
      ORDER BY people.name COLLATE NOCASE, people.id`);
}

export function getPerson({ db }: ServiceContext, id: string): Person {
  const record = db.record<Person>(sql`${selectPeople} WHERE people.id = ${id}`);
  if (!record) throw notFound('person');
  return record;
}

function checkOrganisation(context: ServiceContext, organisationId: string | null | undefined): void {
  if (!organisationId) return;
  requireLinked(context, 'organisations', organisationId, 'organisationId', 'Choose an organisation from the list.');
}

export function createPerson(context: ServiceContext, input: ParsedInput<'people.create'>): Person {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    checkOrganisation(context, input.organisationId);
    db.run(sql`
      INSERT INTO people (id, name, role, organisation_id, email, phone, created_at, updated_at)
      VALUES (${id}, ${input.name}, ${input.role}, ${input.organisationId ?? null}, ${input.email}, ${input.phone}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'person', id });
  return getPerson(context, id);
}

export function updatePerson(context: ServiceContext, input: ParsedInput<'people.update'>): Person {
  const { db, clock, events } = context;
  db.transaction(() => {
    getPerson(context, input.id);
    checkOrganisation(context, input.organisationId);
    db.run(sql`
      UPDATE people SET name = ${input.name}, role = ${input.role}, organisation_id = ${input.organisationId ?? null},
        email = ${input.email}, phone = ${input.phone}, updated_at = ${isoNow(clock)}
      WHERE id = ${input.id}`);
  });
  events.emit('casebook.changed', { kind: 'person', id: input.id });
  return getPerson(context, input.id);
}

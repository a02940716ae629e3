import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Home } from '@shared/domain/homes';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { notFound, requireLinked } from './records';

const selectHomes = sql`
  SELECT homes.*, organisations.name AS provider_name
  FROM homes JOIN organisations ON organisations.id = homes.provider_id`;

export function listHomes({ db }: ServiceContext, input: ParsedInput<'homes.list'>): Home[] {
  return db.records<Home>(sql`${selectHomes}
      WHERE (${input.includeArchived ? 1 : 0} OR homes.archived_at IS NULL)
        AND (${input.providerId ?? null} IS NULL OR homes.provider_id = ${input.providerId ?? null})
      ORDER BY homes.name COLLATE NOCASE, homes.id`);
}

export function getHome({ db }: ServiceContext, id: string): Home {
  const record = db.record<Home>(sql`${selectHomes} WHERE homes.id = ${id}`);
  if (!record) throw notFound('home');
  return record;
}

type HomeInput = ParsedInput<'homes.create'>;

/** The provider must be a provider, and not archived unless the home already belongs to it. */
function checkHome(context: ServiceContext, input: HomeInput, current: Home | null): void {
  const exceptId = current?.id ?? null;
  requireLinked(
    context,
    'organisations',
    input.providerId,
    'providerId',
    'Choose a provider from the list.',
    (row) => row.kind === 'provider' && (!row.archived_at || input.providerId === current?.providerId),
  );
  const sameUrn = context.db.get<{ name: string }>(
    sql`SELECT name FROM homes WHERE ofsted_urn = ${input.ofstedUrn} AND id IS NOT ${exceptId}`,
  );
  if (sameUrn) {
    throw new ApiError('conflict', `The Ofsted URN ${input.ofstedUrn} already belongs to “${sameUrn.name}”.`, {
      ofstedUrn: `Already used by “${sameUrn.name}”. Check the URN on the home’s Ofsted report.`,
    });
  }
}

export function createHome(context: ServiceContext, input: ParsedInput<'homes.create'>): Home {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    checkHome(context, input, null);
    db.run(sql`
      INSERT INTO homes (id, provider_id, name, ofsted_urn, registered_places, ofsted_judgement, ofsted_judgement_date,
                         reg44_visit_date, reg45_review_date, created_at, updated_at)
      VALUES (${id}, ${input.providerId}, ${input.name}, ${input.ofstedUrn}, ${input.registeredPlaces ?? null},
              ${input.ofstedJudgement ?? null}, ${input.ofstedJudgementDate ?? null}, ${input.reg44VisitDate ?? null},
              ${input.reg45ReviewDate ?? null}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'home', id });
  return getHome(context, id);
}

export function updateHome(context: ServiceContext, input: ParsedInput<'homes.update'>): Home {
  const { db, clock, events } = context;
  db.transaction(() => {
    checkHome(context, input, getHome(context, input.id));
    db.run(sql`
      UPDATE homes SET provider_id = ${input.providerId}, name = ${input.name}, ofsted_urn = ${input.ofstedUrn},
        registered_places = ${input.registeredPlaces ?? null}, ofsted_judgement = ${input.ofstedJudgement ?? null},
        ofsted_judgement_date = ${input.ofstedJudgementDate ?? null}, reg44_visit_date = ${input.reg44VisitDate ?? null},
        reg45_review_date = ${input.reg45ReviewDate ?? null}, updated_at = ${isoNow(clock)}
      WHERE id = ${input.id}`);
  });
  events.emit('casebook.changed', { kind: 'home', id: input.id });
  return getHome(context, input.id);
}

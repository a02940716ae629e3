import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Home } from '../../../shared/domain/homes';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { sql } from '../db/sql';

interface HomeRow {
  id: string;
  provider_id: string;
  provider_name: string;
  name: string;
  ofsted_urn: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toHome = (row: HomeRow): Home => ({
  id: row.id,
  providerId: row.provider_id,
  providerName: row.provider_name,
  name: row.name,
  ofstedUrn: row.ofsted_urn,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

const selectHomes = sql`
  SELECT homes.*, organisations.name AS provider_name
  FROM homes JOIN organisations ON organisations.id = homes.provider_id`;

export function listHomes({ db }: ServiceContext, input: ParsedInput<'homes.list'>): Home[] {
  const rows = db.all<HomeRow>(sql`${selectHomes}
    WHERE ${input.includeArchived ? 1 : 0} OR homes.archived_at IS NULL
    ORDER BY homes.name COLLATE NOCASE, homes.id`);
  return rows.map(toHome);
}

export function getHome({ db }: ServiceContext, id: string): Home {
  const row = db.get<HomeRow>(sql`${selectHomes} WHERE homes.id = ${id}`);
  if (!row) throw new ApiError('not_found', 'That home is not in the case book. It may have been removed.');
  return toHome(row);
}

export function createHome(context: ServiceContext, input: ParsedInput<'homes.create'>): Home {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    const provider = db.get<{ kind: string; archived_at: string | null }>(
      sql`SELECT kind, archived_at FROM organisations WHERE id = ${input.providerId}`,
    );
    if (!provider || provider.kind !== 'provider' || provider.archived_at) {
      throw new ApiError('invalid_input', 'Choose a provider from the case book for this home.', {
        providerId: 'Choose a provider from the list.',
      });
    }
    const sameUrn = db.get<{ name: string }>(sql`SELECT name FROM homes WHERE ofsted_urn = ${input.ofstedUrn}`);
    if (sameUrn) {
      throw new ApiError('conflict', `The Ofsted URN ${input.ofstedUrn} already belongs to “${sameUrn.name}”.`, {
        ofstedUrn: `Already used by “${sameUrn.name}”. Check the URN on the home’s Ofsted report.`,
      });
    }
    db.run(sql`
      INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at)
      VALUES (${id}, ${input.providerId}, ${input.name}, ${input.ofstedUrn}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'home', id });
  return getHome(context, id);
}

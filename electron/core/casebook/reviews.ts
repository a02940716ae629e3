import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import type { Review } from '@shared/domain/reviews';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { getHome } from './homes';
import { getOrganisation } from './organisations';
import { getPlacement } from './placements';
import { notFound, requireLinked } from './records';

const selectReviews = sql`
  SELECT reviews.*, homes.name AS home_name, placements.child_reference,
         commissioner.name AS commissioner_name, provider.name AS provider_name
  FROM reviews
  LEFT JOIN homes ON homes.id = reviews.home_id
  LEFT JOIN placements ON placements.id = reviews.placement_id
  JOIN organisations AS commissioner ON commissioner.id = reviews.commissioner_id
  JOIN organisations AS provider ON provider.id = reviews.provider_id`;

export function listReviews({ db }: ServiceContext, input: ParsedInput<'reviews.list'>): Review[] {
  const homeId = input.homeId ?? null;
  const placementId = input.placementId ?? null;
  const organisationId = input.organisationId ?? null;
  const otherId = input.otherOrganisationId ?? null;
  return db.records<Review>(sql`${selectReviews}
      WHERE (${input.includeArchived ? 1 : 0} OR reviews.archived_at IS NULL)
        AND (${homeId} IS NULL OR reviews.home_id = ${homeId})
        AND (${placementId} IS NULL OR reviews.placement_id = ${placementId})
        AND (${organisationId} IS NULL OR reviews.commissioner_id = ${organisationId} OR reviews.provider_id = ${organisationId})
        AND (${otherId} IS NULL OR reviews.commissioner_id = ${otherId} OR reviews.provider_id = ${otherId})
      ORDER BY reviews.scheduled_for DESC, reviews.id`);
}

export function getReview({ db }: ServiceContext, id: string): Review {
  const record = db.record<Review>(sql`${selectReviews} WHERE reviews.id = ${id}`);
  if (!record) throw notFound('review');
  return record;
}

interface ReviewSubject {
  homeId: string | null;
  placementId: string | null;
  commissionerId: string;
  providerId: string;
  title: string;
}

const isCommissioner = (row: { kind?: string; archived_at: string | null }) =>
  row.kind === 'local_authority' && !row.archived_at;

/** Works out, from what the review is of, the home, placement and the two sides. */
function subjectOf(context: ServiceContext, input: ParsedInput<'reviews.create'>): ReviewSubject {
  switch (input.scope) {
    case 'home': {
      requireLinked(
        context,
        'homes',
        input.homeId,
        'homeId',
        'Choose a home from the list.',
        (row) => !row.archived_at,
      );
      requireLinked(
        context,
        'organisations',
        input.commissionerId,
        'commissionerId',
        'Choose a local authority from the list.',
        isCommissioner,
      );
      const home = getHome(context, input.homeId);
      return {
        homeId: home.id,
        placementId: null,
        commissionerId: input.commissionerId,
        providerId: home.providerId,
        title: `Home review: ${home.name}`,
      };
    }
    case 'placement': {
      requireLinked(
        context,
        'placements',
        input.placementId,
        'placementId',
        'Choose a placement from the list.',
        (row) => !row.archived_at,
      );
      const placement = getPlacement(context, input.placementId);
      const home = getHome(context, placement.homeId);
      return {
        homeId: home.id,
        placementId: placement.id,
        commissionerId: placement.placingAuthorityId,
        providerId: home.providerId,
        title: `Placement review: ${placement.childReference} at ${home.name}`,
      };
    }
    case 'relationship': {
      requireLinked(
        context,
        'organisations',
        input.commissionerId,
        'commissionerId',
        'Choose a local authority from the list.',
        isCommissioner,
      );
      requireLinked(
        context,
        'organisations',
        input.providerId,
        'providerId',
        'Choose a provider from the list.',
        (row) => row.kind === 'provider' && !row.archived_at,
      );
      const commissioner = getOrganisation(context, input.commissionerId);
      const provider = getOrganisation(context, input.providerId);
      return {
        homeId: null,
        placementId: null,
        commissionerId: commissioner.id,
        providerId: provider.id,
        title: `Relationship review: ${commissioner.name} and ${provider.name}`,
      };
    }
  }
}

export function createReview(context: ServiceContext, input: ParsedInput<'reviews.create'>): Review {
  const { db, clock, events } = context;
  const now = isoNow(clock);
  const id = randomUUID();
  db.transaction(() => {
    const subject = subjectOf(context, input);
    db.run(sql`
      INSERT INTO reviews (id, scope, home_id, placement_id, commissioner_id, provider_id, title, scheduled_for, place,
                           purpose, status, next_review_date, created_at, updated_at)
      VALUES (${id}, ${input.scope}, ${subject.homeId}, ${subject.placementId}, ${subject.commissionerId}, ${subject.providerId},
              ${subject.title}, ${input.scheduledFor}, ${input.place}, ${input.purpose}, 'planned',
              ${input.nextReviewDate ?? null}, ${now}, ${now})`);
  });
  events.emit('casebook.changed', { kind: 'review', id });
  return getReview(context, id);
}

export function updateReview(context: ServiceContext, input: ParsedInput<'reviews.update'>): Review {
  const { db, clock, events } = context;
  db.transaction(() => {
    getReview(context, input.id);
    db.run(sql`
      UPDATE reviews SET scheduled_for = ${input.scheduledFor}, place = ${input.place},
        purpose = ${input.purpose}, next_review_date = ${input.nextReviewDate ?? null}, updated_at = ${isoNow(clock)}
      WHERE id = ${input.id}`);
  });
  events.emit('casebook.changed', { kind: 'review', id: input.id });
  return getReview(context, input.id);
}

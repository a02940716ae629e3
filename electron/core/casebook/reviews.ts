import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import type { Review } from '@shared/domain/reviews';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { sameSubject, type ReviewSubject } from '@core/review-subject';
import { getHome } from './homes';
import { getOrganisation } from './organisations';
import { getPlacement } from './placements';
import { notFound, requireLinked } from './records';

/**
 * Reviews with their names, and what became of each one's current minutes (its newest version):
 * sealed, or sealed and countersigned. One statement for a whole list: the newest version is
 * found through minutes' (review_id, version) index, countersignatures through theirs.
 */
const selectReviews = sql`
  SELECT reviews.*, homes.name AS home_name, placements.child_reference,
         commissioner.name AS commissioner_name, provider.name AS provider_name,
         CASE WHEN current_minutes.status IS NOT 'sealed' THEN NULL
              WHEN EXISTS (SELECT 1 FROM countersignatures WHERE countersignatures.minutes_id = current_minutes.id)
                THEN 'countersigned'
              ELSE 'sealed' END AS minutes_state
  FROM reviews
  LEFT JOIN homes ON homes.id = reviews.home_id
  LEFT JOIN placements ON placements.id = reviews.placement_id
  JOIN organisations AS commissioner ON commissioner.id = reviews.commissioner_id
  JOIN organisations AS provider ON provider.id = reviews.provider_id
  LEFT JOIN minutes AS current_minutes ON current_minutes.review_id = reviews.id
    AND current_minutes.version = (SELECT max(version) FROM minutes WHERE minutes.review_id = reviews.id)`;

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

interface TitledSubject extends ReviewSubject {
  title: string;
}

const isCommissioner = (row: { kind?: string; archived_at: string | null }) =>
  row.kind === 'local_authority' && !row.archived_at;

/** Works out, from what the review is of, the home, placement and the two sides. */
function subjectOf(context: ServiceContext, input: ParsedInput<'reviews.create'>): TitledSubject {
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
        scope: 'home',
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
        scope: 'placement',
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
        scope: 'relationship',
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
    if (input.carryForward) carryForward(context, id, subject);
  });
  events.emit('casebook.changed', { kind: 'review', id });
  return getReview(context, id);
}

/**
 * The next review starts where the last one of the same home, placement or relationship left
 * its people and its topic: the participants who were present (not those who sent apologies, nor
 * people since archived) and the affirmative topic, for the facilitator to change. Nothing of
 * what was said (notes, ratings, actions) is copied: actions reach the next review as matters
 * arising in any case. Runs inside createReview's transaction.
 */
function carryForward(context: ServiceContext, id: string, subject: ReviewSubject): void {
  const { db, clock } = context;
  // The people are the commissioner's too: a home reviewed with several authorities starts from
  // the last review with this one.
  const last = db.record<{ id: string; affirmativeTopic: string }>(sql`
    SELECT id, affirmative_topic FROM reviews
    WHERE id <> ${id} AND archived_at IS NULL AND ${sameSubject(subject)} AND commissioner_id = ${subject.commissionerId}
    ORDER BY scheduled_for DESC, created_at DESC, rowid DESC LIMIT 1`);
  if (!last) return;
  db.run(sql`UPDATE reviews SET affirmative_topic = ${last.affirmativeTopic} WHERE id = ${id}`);
  const present = db.all<{
    personId: string | null;
    name: string;
    role: string;
    organisation: string;
    side: string;
  }>(sql`
    SELECT participants.person_id AS personId, participants.name, participants.role, participants.organisation, participants.side
    FROM participants LEFT JOIN people ON people.id = participants.person_id
    WHERE participants.review_id = ${last.id} AND participants.attendance = 'present' AND people.archived_at IS NULL
    ORDER BY participants.created_at, participants.rowid`);
  const now = isoNow(clock);
  for (const person of present) {
    db.run(sql`
      INSERT INTO participants (id, review_id, person_id, name, role, organisation, side, attendance, created_at)
      VALUES (${randomUUID()}, ${id}, ${person.personId}, ${person.name}, ${person.role}, ${person.organisation},
              ${person.side}, 'present', ${now})`);
  }
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

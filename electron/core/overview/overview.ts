import type { ParsedInput } from '@shared/api/contract';
import {
  overviewDefaults,
  type ActionDue,
  type HomeNotVisited,
  type MinutesAwaiting,
  type Overview,
  type OverviewList,
  type ReviewDue,
} from '@shared/domain/overview';
import type { ReviewScope, ReviewStatus } from '@shared/domain/reviews';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { subjectKey } from '@core/review-subject';

/** The day a moment falls on in the UK (YYYY-MM-DD): the app's dates are British, whatever the machine says. */
const ukDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
});
export const ukDay = (moment: Date | string): string => ukDayFormat.format(new Date(moment));

/** A day (YYYY-MM-DD) moved on, or back, by whole days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

const cut = <T>(items: T[], limit: number): OverviewList<T> => ({ total: items.length, items: items.slice(0, limit) });

interface ReviewRow {
  id: string;
  scope: ReviewScope;
  homeId: string | null;
  placementId: string | null;
  commissionerId: string;
  providerId: string;
  title: string;
  scheduledFor: string;
  status: ReviewStatus;
  nextReviewDate: string | null;
}

const isConcluded = (row: ReviewRow) => row.status === 'concluded' || row.status === 'signed';

/**
 * Reviews to attend to. For each subject still current (its placement not ended, its home and
 * organisations not archived): its latest concluded review, when that set a next-review date that
 * is past or within `soonDays` and no later review is planned; and every planned or running
 * review whose day has passed without its being concluded.
 */
function reviewsDue({ db }: ServiceContext, today: string, soonDays: number): ReviewDue[] {
  const rows = db.records<ReviewRow>(sql`
    SELECT reviews.id, reviews.scope, reviews.home_id, reviews.placement_id, reviews.commissioner_id, reviews.provider_id,
           reviews.title, reviews.scheduled_for, reviews.status, reviews.next_review_date
    FROM reviews
    LEFT JOIN homes ON homes.id = reviews.home_id
    LEFT JOIN placements ON placements.id = reviews.placement_id
    JOIN organisations AS commissioner ON commissioner.id = reviews.commissioner_id
    JOIN organisations AS provider ON provider.id = reviews.provider_id
    WHERE reviews.archived_at IS NULL
      AND (reviews.scope <> 'home' OR homes.archived_at IS NULL)
      AND (reviews.scope <> 'placement' OR (placements.archived_at IS NULL AND placements.status <> 'ended'))
      AND (reviews.scope <> 'relationship' OR (commissioner.archived_at IS NULL AND provider.archived_at IS NULL))
    ORDER BY reviews.scheduled_for, reviews.id`);
  const horizon = addDays(today, soonDays);
  const due: ReviewDue[] = [];
  const bySubject = new Map<string, ReviewRow[]>();
  for (const row of rows) {
    bySubject.set(subjectKey(row), [...(bySubject.get(subjectKey(row)) ?? []), row]);
    if (!isConcluded(row) && ukDay(row.scheduledFor) < today) {
      due.push({ ...lineOf(row), state: 'not_concluded', dueDate: ukDay(row.scheduledFor) });
    }
  }
  for (const reviews of bySubject.values()) {
    // Oldest first: the last concluded is the latest.
    const latest = reviews.filter(isConcluded).at(-1);
    if (!latest?.nextReviewDate || latest.nextReviewDate > horizon) continue;
    const laterPlanned = reviews.some((row) => !isConcluded(row) && row.scheduledFor > latest.scheduledFor);
    if (laterPlanned) continue;
    due.push({
      ...lineOf(latest),
      state: latest.nextReviewDate < today ? 'overdue' : 'due',
      dueDate: latest.nextReviewDate,
    });
  }
  return due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
}

const lineOf = (row: ReviewRow) => ({
  reviewId: row.id,
  title: row.title,
  scope: row.scope,
  scheduledFor: row.scheduledFor,
});

/**
 * Open actions due by the horizon. An action is open unless its latest update, by the day of the
 * review that gave it, says done or dropped: the rule matters arising follow
 * (electron/core/sessions/actions.ts).
 */
function actionsDue({ db }: ServiceContext, today: string, soonDays: number): ActionDue[] {
  const rows = db.records<Omit<ActionDue, 'state'>>(sql`
    SELECT actions.id AS action_id, actions.review_id, reviews.title AS review_title, reviews.scheduled_for AS review_scheduled_for,
           actions.text, people.name AS owner_name, actions.owner_side, actions.due_date
    FROM actions
    JOIN reviews ON reviews.id = actions.review_id
    LEFT JOIN people ON people.id = actions.owner_person_id
    WHERE actions.deleted_at IS NULL AND reviews.archived_at IS NULL
      AND actions.due_date IS NOT NULL AND actions.due_date <= ${addDays(today, soonDays)}
      AND coalesce((SELECT u.status FROM action_updates u JOIN reviews ur ON ur.id = u.review_id
                     WHERE u.action_id = actions.id ORDER BY ur.scheduled_for DESC LIMIT 1), 'not_started')
          NOT IN ('done', 'dropped')
    ORDER BY actions.due_date, reviews.scheduled_for, actions.created_at`);
  return rows.map((row) => ({ ...row, state: row.dueDate < today ? 'overdue' : 'due' }));
}

/** Homes in use with no visit on or after the day `notVisitedDays` ago: never visited first, then the longest since. */
function homesNotVisited({ db, clock }: ServiceContext, today: string, notVisitedDays: number): HomeNotVisited[] {
  const rows = db.records<HomeNotVisited>(sql`
    SELECT homes.id AS home_id, homes.name AS home_name, provider.name AS provider_name,
           (SELECT max(visits.visited_at) FROM visits
             WHERE visits.home_id = homes.id AND visits.archived_at IS NULL AND visits.visited_at <= ${clock().toISOString()})
             AS last_visited_at
    FROM homes JOIN organisations AS provider ON provider.id = homes.provider_id
    WHERE homes.archived_at IS NULL`);
  const since = addDays(today, -notVisitedDays);
  return rows
    .filter((row) => row.lastVisitedAt === null || ukDay(row.lastVisitedAt) < since)
    .sort(
      (a, b) =>
        (a.lastVisitedAt ?? '').localeCompare(b.lastVisitedAt ?? '') || a.homeName.localeCompare(b.homeName, 'en-GB'),
    );
}

/**
 * This case book's current minutes (each review's newest version), sealed, with no countersignature
 * recorded: the longest waiting first. The seal names the organisation that sealed them; the other
 * one's countersignature is awaited.
 */
function minutesAwaiting({ db }: ServiceContext): MinutesAwaiting[] {
  const rows = db.records<
    Omit<MinutesAwaiting, 'awaitedFrom'> & { commissionerName: string; providerName: string }
  >(sql`
    SELECT minutes.id AS minutes_id, minutes.review_id, reviews.title AS review_title, reviews.scheduled_for AS review_scheduled_for,
           minutes.version, minutes.sealed_at, minutes.sealed_by,
           commissioner.name AS commissioner_name, provider.name AS provider_name
    FROM minutes
    JOIN reviews ON reviews.id = minutes.review_id
    JOIN organisations AS commissioner ON commissioner.id = reviews.commissioner_id
    JOIN organisations AS provider ON provider.id = reviews.provider_id
    WHERE minutes.status = 'sealed' AND reviews.archived_at IS NULL
      AND minutes.version = (SELECT max(version) FROM minutes AS newest WHERE newest.review_id = minutes.review_id)
      AND NOT EXISTS (SELECT 1 FROM countersignatures WHERE countersignatures.minutes_id = minutes.id)
    ORDER BY minutes.sealed_at, reviews.scheduled_for`);
  return rows.map(({ commissionerName, providerName, ...row }) => {
    const sealer = row.sealedBy?.split(', ').at(-1) ?? '';
    const awaitedFrom =
      sealer === providerName
        ? commissionerName
        : sealer === commissionerName
          ? providerName
          : `${commissionerName} or ${providerName}`;
    return { ...row, awaitedFrom };
  });
}

/** What is due, as of the core's clock. */
export function getOverview(context: ServiceContext, input: ParsedInput<'overview.get'>): Overview {
  const today = ukDay(context.clock());
  const notVisitedDays = input.notVisitedDays ?? overviewDefaults.notVisitedDays;
  const soonDays = input.soonDays ?? overviewDefaults.soonDays;
  const limit = input.limit ?? overviewDefaults.limit;
  return {
    today,
    notVisitedDays,
    soonDays,
    reviews: cut(reviewsDue(context, today, soonDays), limit),
    actions: cut(actionsDue(context, today, soonDays), limit),
    homes: cut(homesNotVisited(context, today, notVisitedDays), limit),
    minutes: cut(minutesAwaiting(context), limit),
  };
}

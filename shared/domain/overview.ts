import { z } from 'zod';
import type { ReviewScope } from './reviews';
import type { Side } from './sessions';

const days = (what: string, max: number) =>
  z
    .number({ message: `Give ${what} as a whole number of days.` })
    .int(`Give ${what} as a whole number of days.`)
    .min(1, `Give ${what} as at least one day.`)
    .max(max, `Give ${what} as at most ${max} days.`)
    .optional();

export const overviewDefaults = { notVisitedDays: 90, soonDays: 14, limit: 10 } as const;

export const overviewInputSchema = z.strictObject({
  /** A home is listed when it has had no visit for this many days (90 unless given). */
  notVisitedDays: days('the time since a visit', 3650),
  /** Reviews and actions due within this many days count as due soon (14 unless given). */
  soonDays: days('how soon', 365),
  /** How many of each list to give, most urgent first (10 unless given); each list's total is counted. */
  limit: z
    .number({ message: 'Give how many to show as a whole number.' })
    .int('Give how many to show as a whole number.')
    .min(1, 'Show at least one.')
    .max(100, 'Show at most 100.')
    .optional(),
});

/** A list, most urgent first, cut to the limit; `total` counts them all. */
export interface OverviewList<T> {
  total: number;
  items: T[];
}

/**
 * A review to attend to: the subject's latest concluded review, whose next-review date is past
 * (`overdue`) or near (`due`) with no later review planned; or a planned review whose day has
 * passed without its being concluded (`not_concluded`).
 */
export interface ReviewDue {
  /** The review the line opens: the concluded one that set the date, or the planned one. */
  reviewId: string;
  title: string;
  scope: ReviewScope;
  scheduledFor: string;
  state: 'overdue' | 'due' | 'not_concluded';
  /** The next-review date (YYYY-MM-DD), or the planned review's own day. */
  dueDate: string;
}

/** An open action whose due date is past (`overdue`) or near (`due`). */
export interface ActionDue {
  actionId: string;
  /** The review that agreed it: the line opens this review. */
  reviewId: string;
  reviewTitle: string;
  reviewScheduledFor: string;
  text: string;
  ownerName: string | null;
  ownerSide: Side | null;
  dueDate: string;
  state: 'overdue' | 'due';
}

/** A home with no visit recorded in the chosen time. */
export interface HomeNotVisited {
  homeId: string;
  homeName: string;
  providerName: string;
  /** When it was last visited, or null: never. */
  lastVisitedAt: string | null;
}

/** This case book's current minutes, sealed, that the other organisation has not yet countersigned. */
export interface MinutesAwaiting {
  minutesId: string;
  reviewId: string;
  reviewTitle: string;
  reviewScheduledFor: string;
  version: number;
  sealedAt: string | null;
  /** Whoever sealed them, “Common name, Organisation”. */
  sealedBy: string | null;
  /** The organisation whose countersignature is awaited: the side that did not seal. */
  awaitedFrom: string;
}

export interface Overview {
  /** The day the overview was worked out for (YYYY-MM-DD, in the UK). */
  today: string;
  notVisitedDays: number;
  soonDays: number;
  reviews: OverviewList<ReviewDue>;
  actions: OverviewList<ActionDue>;
  homes: OverviewList<HomeNotVisited>;
  minutes: OverviewList<MinutesAwaiting>;
}

import { z } from 'zod';
import { optionalDate, optionalText } from './fields';
import { recordId, type RecordTimes } from './ids';

export const reviewScopes = ['home', 'placement', 'relationship'] as const;
export type ReviewScope = (typeof reviewScopes)[number];
export const reviewScopeLabels: Record<ReviewScope, string> = {
  home: 'A home',
  placement: 'A placement',
  relationship: 'The relationship between two organisations',
};

export const reviewStatuses = ['planned', 'in_progress', 'concluded', 'signed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  concluded: 'Concluded',
  signed: 'Signed',
};

/**
 * What became of a concluded review's current minutes (its newest version): sealed, or sealed and
 * countersigned by the other organisation; null until then.
 */
export const minutesStates = ['sealed', 'countersigned'] as const;
export type MinutesState = (typeof minutesStates)[number];

/** The status a person reads: once the current minutes are sealed, that says more than “Concluded”. */
export function reviewStatusLabel(review: Pick<Review, 'status' | 'minutesState'>): string {
  if (review.minutesState === 'countersigned') return 'Countersigned';
  if (review.minutesState === 'sealed') return 'Sealed';
  return reviewStatusLabels[review.status];
}

const whenMessage = 'Enter the date and time of the review.';
/** A moment with its offset, or a date-input's local time (read as this computer's time); kept in UTC. */
const when = z
  .union([z.iso.datetime({ offset: true }), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)], {
    message: whenMessage,
  })
  .refine((value) => !Number.isNaN(new Date(value).getTime()), whenMessage)
  .transform((value) => new Date(value).toISOString());

const reviewDetails = {
  scheduledFor: when,
  place: optionalText(200),
  purpose: optionalText(2000),
  nextReviewDate: optionalDate('Enter the date of the next review, for example 27 March 2026.').optional(),
};

/**
 * Planning the next review: start with the participants present at the last review of the same
 * home, placement or relationship, and its affirmative topic, for the facilitator to change.
 */
const carryForward = z.boolean({ message: 'carryForward should be true or false.' }).optional();

/** What a review is of decides which records it needs; the rest is derived from them. */
export const newReviewSchema = z.discriminatedUnion(
  'scope',
  [
    z.strictObject({
      scope: z.literal('home'),
      homeId: recordId('Choose the home this review is about.'),
      commissionerId: recordId('Choose the commissioning local authority.'),
      ...reviewDetails,
      carryForward,
    }),
    z.strictObject({
      scope: z.literal('placement'),
      placementId: recordId('Choose the placement this review is about.'),
      ...reviewDetails,
      carryForward,
    }),
    z.strictObject({
      scope: z.literal('relationship'),
      commissionerId: recordId('Choose the commissioning local authority.'),
      providerId: recordId('Choose the provider.'),
      ...reviewDetails,
      carryForward,
    }),
  ],
  { message: 'Choose whether the review is of a home, a placement or a relationship.' },
);

export const reviewUpdateSchema = z.strictObject({ id: recordId(), ...reviewDetails });

export const reviewFilterSchema = z.strictObject({
  homeId: recordId().optional(),
  placementId: recordId().optional(),
  /** An organisation on either side. */
  organisationId: recordId().optional(),
  /** With organisationId: only reviews between these two organisations. */
  otherOrganisationId: recordId().optional(),
  includeArchived: z.boolean().optional(),
});

export interface Review extends RecordTimes {
  id: string;
  scope: ReviewScope;
  title: string;
  homeId: string | null;
  homeName: string | null;
  placementId: string | null;
  childReference: string | null;
  commissionerId: string;
  commissionerName: string;
  providerId: string;
  providerName: string;
  scheduledFor: string;
  place: string;
  purpose: string;
  affirmativeTopic: string;
  status: ReviewStatus;
  /** Whether the current minutes are sealed or countersigned (see reviewStatusLabel). */
  minutesState: MinutesState | null;
  nextReviewDate: string | null;
}

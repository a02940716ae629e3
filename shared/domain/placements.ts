import { z } from 'zod';
import { optionalDate } from './fields';
import { recordId, type RecordTimes } from './ids';

export const placementStatuses = ['planned', 'current', 'ended'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];
export const placementStatusLabels: Record<PlacementStatus, string> = {
  planned: 'Planned',
  current: 'Current',
  ended: 'Ended',
};

const referenceMessage =
  'Enter the child’s reference: their initials or the authority’s case number, never their name.';

/**
 * True when the text reads like a person's name rather than initials or a case number:
 * only words of letters, at least one of them a capitalised or lower-case word of three or more.
 */
export function looksLikeName(text: string): boolean {
  const words = text
    .trim()
    .split(/[\s'-]+/)
    .filter(Boolean);
  if (words.length === 0 || words.some((word) => !/^\p{L}+\.?$/u.test(word))) return false;
  return words.some((word) => /^\p{L}\p{Ll}{2,}$/u.test(word));
}

export const nameWarning =
  'This looks like a name. Use the child’s initials or the authority’s case number instead: the case book never holds a child’s name.';

/** A child is a reference (initials or a case number), never a name: one that reads like a name is refused. */
export const childReference = z
  .string({ message: referenceMessage })
  .trim()
  .min(1, referenceMessage)
  .max(40, 'Keep the reference under 40 characters: initials or a case number.')
  .refine((value) => !/[\r\n]/.test(value), 'Keep the reference on one line.')
  .refine((value) => !looksLikeName(value), nameWarning);

const placementFields = {
  homeId: recordId('Choose the home.'),
  placingAuthorityId: recordId('Choose the placing authority.'),
  childReference,
  startDate: optionalDate('Enter the start date, for example 27 March 2026.').optional(),
  endDate: optionalDate('Enter the end date, for example 27 March 2026.').optional(),
  status: z.enum(placementStatuses, { message: 'Choose whether the placement is planned, current or ended.' }),
};

type PlacementDates = { startDate?: string | null; endDate?: string | null; status: PlacementStatus };

function checkDates(placement: PlacementDates, context: z.RefinementCtx): void {
  if (placement.startDate && placement.endDate && placement.endDate < placement.startDate) {
    context.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'The end date must be on or after the start date.',
    });
  }
  if (placement.status === 'ended' && !placement.endDate) {
    context.addIssue({ code: 'custom', path: ['endDate'], message: 'Give the date an ended placement ended.' });
  }
  if (placement.status === 'current' && !placement.startDate) {
    context.addIssue({ code: 'custom', path: ['startDate'], message: 'Give the date a current placement started.' });
  }
}

export const newPlacementSchema = z.strictObject(placementFields).superRefine(checkDates);
export const placementUpdateSchema = z.strictObject({ id: recordId(), ...placementFields }).superRefine(checkDates);

export interface Placement extends RecordTimes {
  id: string;
  homeId: string;
  homeName: string;
  placingAuthorityId: string;
  placingAuthorityName: string;
  childReference: string;
  startDate: string | null;
  endDate: string | null;
  status: PlacementStatus;
}

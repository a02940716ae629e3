import { z } from 'zod';
import { optionalChoice, optionalDate, optionalWholeNumber, requiredText } from './fields';
import { recordId, type RecordTimes } from './ids';

export const ofstedUrnMessage =
  'An Ofsted URN for a children’s home is SC followed by six digits, for example SC123456.';

/** Children's social care URNs look like SC123456; spaces and lower case are forgiven. */
export const ofstedUrn = z
  .string({ message: ofstedUrnMessage })
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^SC\d{6}$/, ofstedUrnMessage));

export const ofstedJudgements = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type OfstedJudgement = (typeof ofstedJudgements)[number];
export const ofstedJudgementLabels: Record<OfstedJudgement, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

const homeFields = {
  providerId: recordId('Choose the provider that runs this home.'),
  name: requiredText('Enter the home’s name.'),
  ofstedUrn,
  registeredPlaces: optionalWholeNumber(
    1,
    100,
    'Enter the number of registered places as a whole number from 1 to 100.',
  ).optional(),
  ofstedJudgement: optionalChoice(ofstedJudgements, 'Choose one of the Ofsted judgements.').optional(),
  ofstedJudgementDate: optionalDate('Enter the date of the Ofsted judgement, for example 27 March 2026.').optional(),
  reg44VisitDate: optionalDate(
    'Enter the date of the latest Regulation 44 visit, for example 27 March 2026.',
  ).optional(),
  reg45ReviewDate: optionalDate(
    'Enter the date of the latest Regulation 45 review, for example 27 March 2026.',
  ).optional(),
};

type HomeFields = { ofstedJudgement?: string | null; ofstedJudgementDate?: string | null };
const judgementHasDate = (home: HomeFields) => !home.ofstedJudgement === !home.ofstedJudgementDate;
const judgementRule = {
  message: 'Give the Ofsted judgement and the date it was made together.',
  path: ['ofstedJudgementDate'],
};

export const newHomeSchema = z.strictObject(homeFields).refine(judgementHasDate, judgementRule);

export const homeUpdateSchema = z
  .strictObject({ id: recordId(), ...homeFields })
  .refine(judgementHasDate, judgementRule);

export interface Home extends RecordTimes {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  ofstedUrn: string;
  registeredPlaces: number | null;
  ofstedJudgement: OfstedJudgement | null;
  ofstedJudgementDate: string | null;
  reg44VisitDate: string | null;
  reg45ReviewDate: string | null;
}

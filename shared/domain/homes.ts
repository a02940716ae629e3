import { z } from 'zod';
import { recordId } from './ids';

export const ofstedUrnMessage =
  'An Ofsted URN for a children’s home is SC followed by six digits, for example SC123456.';

/** Children's social care URNs look like SC123456; spaces and lower case are forgiven. */
export const ofstedUrn = z
  .string({ message: ofstedUrnMessage })
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^SC\d{6}$/, ofstedUrnMessage));

export const newHomeSchema = z.strictObject({
  providerId: recordId('Choose the provider that runs this home.'),
  name: z
    .string({ message: 'Enter the home’s name.' })
    .trim()
    .min(1, 'Enter the home’s name.')
    .max(200, 'Keep the name under 200 characters.'),
  ofstedUrn,
});
export type NewHome = z.input<typeof newHomeSchema>;

export interface Home {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  ofstedUrn: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

import { z } from 'zod';
import { optionalText, requiredText } from './fields';
import { optionalRecordId, recordId, type RecordTimes } from './ids';

const emailMessage = 'Enter an email address like name@example.org.uk, or leave it empty.';
const phoneMessage = 'Enter a phone number using digits, spaces, brackets, + or -, or leave it empty.';

const personFields = {
  name: requiredText('Enter the person’s name.'),
  role: optionalText(120),
  organisationId: optionalRecordId('Choose the organisation this person works for.').optional(),
  email: z
    .union([z.literal(''), z.null(), z.string({ message: emailMessage }).trim().pipe(z.email(emailMessage))], {
      message: emailMessage,
    })
    .optional()
    .transform((value) => value || null),
  phone: z
    .union(
      [
        z.literal(''),
        z.null(),
        z
          .string({ message: phoneMessage })
          .trim()
          .regex(/^\+?[0-9 ()-]{6,24}$/, phoneMessage),
      ],
      { message: phoneMessage },
    )
    .optional()
    .transform((value) => value || null),
};

export const newPersonSchema = z.strictObject(personFields);
export const personUpdateSchema = z.strictObject({ id: recordId(), ...personFields });

export interface Person extends RecordTimes {
  id: string;
  name: string;
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  email: string | null;
  phone: string | null;
}

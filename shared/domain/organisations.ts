import { z } from 'zod';
import { requiredText } from './fields';
import { recordId, type RecordTimes } from './ids';

export const organisationKinds = ['local_authority', 'provider', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  local_authority: 'Local authority',
  provider: 'Provider',
  other: 'Other',
};

const organisationFields = {
  name: requiredText('Enter the organisation’s name.'),
  kind: z.enum(organisationKinds, {
    message: 'Choose whether this is a local authority, a provider or another organisation.',
  }),
};

export const newOrganisationSchema = z.strictObject(organisationFields);

export const organisationUpdateSchema = z.strictObject({ id: recordId(), ...organisationFields });

export interface Organisation extends RecordTimes {
  id: string;
  name: string;
  kind: OrganisationKind;
}

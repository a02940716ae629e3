import { z } from 'zod';

export const organisationKinds = ['local_authority', 'provider', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  local_authority: 'Local authority',
  provider: 'Provider',
  other: 'Other',
};

export const organisationName = z
  .string({ message: 'Enter the organisation’s name.' })
  .trim()
  .min(1, 'Enter the organisation’s name.')
  .max(200, 'Keep the name under 200 characters.');

export const newOrganisationSchema = z.strictObject({
  name: organisationName,
  kind: z.enum(organisationKinds, { message: 'Choose whether this is a local authority, a provider or another organisation.' }),
});
export type NewOrganisation = z.input<typeof newOrganisationSchema>;

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

import {
  newOrganisationSchema,
  organisationKindLabels,
  organisationKinds,
  type Organisation,
} from '@shared/domain/organisations';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { ArchivedBanner, DetailList, RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { EditorPage } from '@renderer/ui/EditorPage';
import { RecordActions } from '../RecordActions';
import { ReviewHistory } from '../ReviewHistory';
import { FormButtons } from '@renderer/ui/FormButtons';
import { HomesTable } from '../homes/HomeScreens';
import { PeopleTable } from '../people/PersonScreens';
import { PlacementsTable } from '../placements/PlacementScreens';
import { ListScreen } from '@renderer/ui/ListScreen';

export function OrganisationsList() {
  return (
    <ListScreen
      method="organisations.list"
      title="Organisations"
      intro="The local authorities that commission placements, the providers that run homes, and any others."
      addHref={hrefFor('casebook', 'organisations', 'new')}
      addLabel="Add an organisation"
      table={(rows) => (
        <RecordTable
          caption="Organisations in the case book"
          rows={rows}
          empty={<p>No organisations yet. Add the local authority and the provider you review with.</p>}
          columns={[
            { header: 'Name', cell: (o) => <a href={hrefFor('casebook', 'organisations', o.id)}>{o.name}</a> },
            { header: 'Kind', cell: (o) => organisationKindLabels[o.kind] },
            { header: 'Added', cell: (o) => formatDate(o.createdAt) },
          ]}
        />
      )}
    />
  );
}

export function OrganisationPage({ id }: { id: string }) {
  const organisation = useApiQuery('organisations.get', { id });
  const homes = useApiQuery('homes.list', { providerId: id, includeArchived: true });
  const people = useApiQuery('people.list', { organisationId: id, includeArchived: true });
  const placements = useApiQuery('placements.list', { placingAuthorityId: id, includeArchived: true });
  if (organisation.status !== 'success') return <ErrorMessage message={failureOf(organisation)} />;
  const o = organisation.data;
  return (
    <Screen title={o.name}>
      <ArchivedBanner archivedAt={o.archivedAt} what="organisation" />
      <DetailList
        details={[
          { label: 'Kind', value: organisationKindLabels[o.kind] },
          { label: 'Added', value: formatDate(o.createdAt) },
        ]}
      />
      <RecordActions section="organisations" id={id} archived={Boolean(o.archivedAt)} />
      {o.kind === 'provider' && (
        <Section id="organisation-homes" title="Homes it runs">
          <HomesTable homes={homes.data ?? []} />
        </Section>
      )}
      {o.kind === 'local_authority' && (
        <Section id="organisation-placements" title="Children it has placed">
          <PlacementsTable placements={placements.data ?? []} />
        </Section>
      )}
      <ReviewHistory scope={{ organisationId: id }} idPrefix="organisation" />
      <Section id="organisation-people" title="People">
        <PeopleTable people={people.data ?? []} />
      </Section>
    </Screen>
  );
}

export function OrganisationEditor({ id }: { id?: string }) {
  return (
    <EditorPage id={id} get="organisations.get" addTitle="Add an organisation" editTitle={(o) => `Change ${o.name}`}>
      {(organisation) => <OrganisationForm organisation={organisation} />}
    </EditorPage>
  );
}

function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const { form, onSubmit, failure } = useApiForm({
    schema: newOrganisationSchema,
    defaultValues: { name: organisation?.name ?? '', kind: organisation?.kind ?? 'local_authority' },
    submit: async (values, call) => {
      const saved = organisation
        ? await call('organisations.update', { ...values, id: organisation.id })
        : await call('organisations.create', values);
      navigate('casebook', 'organisations', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={organisation ? 'Change organisation' : 'Add an organisation'}
    >
      <ErrorMessage message={failure} />
      <TextField
        label="Name"
        error={errors.name?.message}
        registration={form.register('name')}
        autoComplete="organization"
      />
      <SelectField
        label="Kind"
        error={errors.kind?.message}
        placeholder="Choose a kind"
        options={organisationKinds.map((kind) => ({ value: kind, label: organisationKindLabels[kind] }))}
        registration={form.register('kind')}
      />
      <FormButtons
        saveLabel={organisation ? 'Save changes' : 'Add organisation'}
        cancelHref={
          organisation ? hrefFor('casebook', 'organisations', organisation.id) : hrefFor('casebook', 'organisations')
        }
        busy={isSubmitting}
      />
    </form>
  );
}

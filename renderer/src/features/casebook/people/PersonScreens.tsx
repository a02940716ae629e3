import { newPersonSchema, type Person } from '@shared/domain/people';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { ArchivedBanner, DetailList, RecordTable } from '@renderer/ui/RecordPage';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { EditorPage } from '@renderer/ui/EditorPage';
import { RecordActions } from '../RecordActions';
import { FormButtons } from '@renderer/ui/FormButtons';
import { ListScreen } from '@renderer/ui/ListScreen';

export function PeopleTable({ people }: { people: Person[] }) {
  return (
    <RecordTable
      caption="People in the case book"
      rows={people}
      empty={<p>No people yet.</p>}
      columns={[
        { header: 'Name', cell: (p) => <a href={hrefFor('casebook', 'people', p.id)}>{p.name}</a> },
        { header: 'Role', cell: (p) => p.role },
        { header: 'Organisation', cell: (p) => p.organisationName ?? '' },
        { header: 'Email', cell: (p) => p.email ?? '' },
      ]}
    />
  );
}

export function PeopleList() {
  return (
    <ListScreen
      method="people.list"
      title="People"
      intro="The adults who take part in reviews: commissioners, managers, social workers, facilitators."
      addHref={hrefFor('casebook', 'people', 'new')}
      addLabel="Add a person"
      table={(rows) => <PeopleTable people={rows} />}
    />
  );
}

export function PersonPage({ id }: { id: string }) {
  const person = useApiQuery('people.get', { id });
  if (person.status !== 'success') return <ErrorMessage message={failureOf(person)} />;
  const p = person.data;
  return (
    <Screen title={p.name}>
      <ArchivedBanner archivedAt={p.archivedAt} what="person" />
      <DetailList
        details={[
          { label: 'Role', value: p.role },
          {
            label: 'Organisation',
            value: p.organisationId && (
              <a href={hrefFor('casebook', 'organisations', p.organisationId)}>{p.organisationName}</a>
            ),
          },
          { label: 'Email', value: p.email },
          { label: 'Phone', value: p.phone },
        ]}
      />
      <RecordActions section="people" id={id} archived={Boolean(p.archivedAt)} />
    </Screen>
  );
}

export function PersonEditor({ id }: { id?: string }) {
  const organisations = useApiQuery('organisations.list', {});
  return (
    <EditorPage id={id} get="people.get" addTitle="Add a person" editTitle={(p) => `Change ${p.name}`}>
      {(person) =>
        organisations.status === 'success' ? (
          <PersonForm person={person} organisations={organisations.data.map((o) => ({ value: o.id, label: o.name }))} />
        ) : (
          <ErrorMessage message={failureOf(organisations)} />
        )
      }
    </EditorPage>
  );
}

function PersonForm({ person, organisations }: { person?: Person; organisations: { value: string; label: string }[] }) {
  const { form, onSubmit, failure } = useApiForm({
    schema: newPersonSchema,
    defaultValues: {
      name: person?.name ?? '',
      role: person?.role ?? '',
      organisationId: person?.organisationId ?? '',
      email: person?.email ?? '',
      phone: person?.phone ?? '',
    },
    submit: async (values, call) => {
      const saved = person
        ? await call('people.update', { ...values, id: person.id })
        : await call('people.create', values);
      navigate('casebook', 'people', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={person ? 'Change person' : 'Add a person'}>
      <ErrorMessage message={failure} />
      <TextField label="Name" error={errors.name?.message} registration={form.register('name')} autoComplete="name" />
      <TextField
        label="Role (optional)"
        hint="For example: registered manager, commissioning officer."
        error={errors.role?.message}
        registration={form.register('role')}
      />
      <SelectField
        label="Organisation (optional)"
        placeholder="None"
        options={organisations}
        error={errors.organisationId?.message}
        registration={form.register('organisationId')}
      />
      <TextField
        label="Email (optional)"
        type="email"
        error={errors.email?.message}
        registration={form.register('email')}
        autoComplete="email"
      />
      <TextField
        label="Phone (optional)"
        type="tel"
        error={errors.phone?.message}
        registration={form.register('phone')}
        autoComplete="tel"
        short
      />
      <FormButtons
        saveLabel={person ? 'Save changes' : 'Add person'}
        cancelHref={person ? hrefFor('casebook', 'people', person.id) : hrefFor('casebook', 'people')}
        busy={isSubmitting}
      />
    </form>
  );
}

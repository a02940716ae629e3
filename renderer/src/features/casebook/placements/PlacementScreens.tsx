import {
  looksLikeName,
  nameWarning,
  newPlacementSchema,
  placementStatusLabels,
  placementStatuses,
  type Placement,
} from '@shared/domain/placements';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { ArchivedBanner, DetailList, RecordTable } from '@renderer/ui/RecordPage';
import { EmptyState, ErrorMessage, Screen } from '@renderer/ui/Screen';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { EditorPage } from '@renderer/ui/EditorPage';
import { RecordActions } from '../RecordActions';
import { ReviewHistory } from '../ReviewHistory';
import { FormButtons } from '@renderer/ui/FormButtons';
import { ListScreen } from '@renderer/ui/ListScreen';
import { dayMonthYearHint, showDayMonthYear } from '@renderer/ui/dates';
import { typedDayMonthYear } from '../dayMonthYearFields';

const date = (value: string | null) => (value ? formatDate(value) : '');

export function PlacementsTable({ placements }: { placements: Placement[] }) {
  return (
    <RecordTable
      caption="Placements in the case book"
      rows={placements}
      empty={<p>No placements yet.</p>}
      columns={[
        {
          header: 'Child reference',
          cell: (p) => <a href={hrefFor('casebook', 'placements', p.id)}>{p.childReference}</a>,
        },
        { header: 'Home', cell: (p) => p.homeName },
        { header: 'Placed by', cell: (p) => p.placingAuthorityName },
        { header: 'Status', cell: (p) => placementStatusLabels[p.status] },
        { header: 'Start', cell: (p) => date(p.startDate) },
      ]}
    />
  );
}

export function PlacementsList() {
  return (
    <ListScreen
      method="placements.list"
      title="Placements"
      intro="A child at a home, known only by a reference: initials or the authority’s case number."
      addHref={hrefFor('casebook', 'placements', 'new')}
      addLabel="Add a placement"
      table={(rows) => <PlacementsTable placements={rows} />}
    />
  );
}

export function PlacementPage({ id }: { id: string }) {
  const placement = useApiQuery('placements.get', { id });
  if (placement.status !== 'success') return <ErrorMessage message={failureOf(placement)} />;
  const p = placement.data;
  return (
    <Screen title={`Placement: ${p.childReference}`}>
      <ArchivedBanner archivedAt={p.archivedAt} what="placement" />
      <DetailList
        details={[
          { label: 'Child reference', value: p.childReference },
          { label: 'Home', value: <a href={hrefFor('casebook', 'homes', p.homeId)}>{p.homeName}</a> },
          {
            label: 'Placed by',
            value: <a href={hrefFor('casebook', 'organisations', p.placingAuthorityId)}>{p.placingAuthorityName}</a>,
          },
          { label: 'Status', value: placementStatusLabels[p.status] },
          { label: 'Start', value: date(p.startDate) },
          { label: 'End', value: date(p.endDate) },
        ]}
      />
      <RecordActions section="placements" id={id} archived={Boolean(p.archivedAt)} />
      <ReviewHistory scope={{ placementId: id }} idPrefix="placement" />
    </Screen>
  );
}

export function PlacementEditor({ id }: { id?: string }) {
  const homes = useApiQuery('homes.list', {});
  const organisations = useApiQuery('organisations.list', {});
  return (
    <EditorPage
      id={id}
      get="placements.get"
      addTitle="Add a placement"
      editTitle={(p) => `Change placement ${p.childReference}`}
    >
      {(placement) => {
        if (homes.status !== 'success' || organisations.status !== 'success')
          return <ErrorMessage message={failureOf(homes, organisations)} />;
        const authorities = organisations.data.filter((o) => o.kind === 'local_authority');
        if (homes.data.length === 0 || authorities.length === 0) {
          return (
            <EmptyState>
              <p>
                A placement links a home and the local authority that placed the child. First add{' '}
                {homes.data.length === 0 ? (
                  <a href={hrefFor('casebook', 'homes', 'new')}>the home</a>
                ) : (
                  <a href={hrefFor('casebook', 'organisations', 'new')}>the local authority</a>
                )}
                .
              </p>
            </EmptyState>
          );
        }
        return (
          <PlacementForm
            placement={placement}
            homes={homes.data.map((h) => ({ value: h.id, label: `${h.name} (${h.ofstedUrn})` }))}
            authorities={authorities.map((o) => ({ value: o.id, label: o.name }))}
          />
        );
      }}
    </EditorPage>
  );
}

type Options = { value: string; label: string }[];

/** The start and end are typed day, month, year, whatever the browser's language. */
const placementFormSchema = typedDayMonthYear(newPlacementSchema, ['startDate', 'endDate']);

function PlacementForm({
  placement,
  homes,
  authorities,
}: {
  placement?: Placement;
  homes: Options;
  authorities: Options;
}) {
  const { form, onSubmit, failure } = useApiForm({
    schema: placementFormSchema,
    defaultValues: {
      homeId: placement?.homeId ?? (homes.length === 1 ? homes[0]!.value : ''),
      placingAuthorityId: placement?.placingAuthorityId ?? (authorities.length === 1 ? authorities[0]!.value : ''),
      childReference: placement?.childReference ?? '',
      startDate: showDayMonthYear(placement?.startDate),
      endDate: showDayMonthYear(placement?.endDate),
      status: placement?.status ?? 'current',
    },
    submit: async (values, call) => {
      const saved = placement
        ? await call('placements.update', { ...values, id: placement.id })
        : await call('placements.create', values);
      navigate('casebook', 'placements', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const reference = form.watch('childReference');
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={placement ? 'Change placement' : 'Add a placement'}
    >
      <ErrorMessage message={failure} />
      <SelectField
        label="Home"
        placeholder="Choose a home"
        options={homes}
        error={errors.homeId?.message}
        registration={form.register('homeId')}
      />
      <SelectField
        label="Placing authority"
        placeholder="Choose a local authority"
        options={authorities}
        error={errors.placingAuthorityId?.message}
        registration={form.register('placingAuthorityId')}
      />
      <TextField
        label="Child reference"
        hint="The child’s initials or the authority’s case number. Never the child’s name."
        error={errors.childReference?.message}
        registration={form.register('childReference')}
        short
      />
      {looksLikeName(reference ?? '') && (
        <p className="warning" role="alert">
          {nameWarning}
        </p>
      )}
      <SelectField
        label="Status"
        placeholder="Choose a status"
        options={placementStatuses.map((s) => ({ value: s, label: placementStatusLabels[s] }))}
        error={errors.status?.message}
        registration={form.register('status')}
      />
      <TextField
        label="Start date"
        hint={dayMonthYearHint}
        error={errors.startDate?.message}
        registration={form.register('startDate')}
        short
      />
      <TextField
        label="End date"
        hint={dayMonthYearHint}
        error={errors.endDate?.message}
        registration={form.register('endDate')}
        short
      />
      <FormButtons
        saveLabel={placement ? 'Save changes' : 'Add placement'}
        cancelHref={placement ? hrefFor('casebook', 'placements', placement.id) : hrefFor('casebook', 'placements')}
        busy={isSubmitting}
      />
    </form>
  );
}

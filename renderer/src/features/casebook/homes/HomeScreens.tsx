import { newHomeSchema, ofstedJudgementLabels, ofstedJudgements, type Home } from '@shared/domain/homes';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { ArchivedBanner, DetailList, RecordTable, Section } from '@renderer/ui/RecordPage';
import { EmptyState, ErrorMessage, Screen } from '@renderer/ui/Screen';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { EditorPage } from '@renderer/ui/EditorPage';
import { RecordActions } from '../RecordActions';
import { ReviewHistory } from '../ReviewHistory';
import { FormButtons } from '@renderer/ui/FormButtons';
import { PlacementsTable } from '../placements/PlacementScreens';
import { ListScreen } from '@renderer/ui/ListScreen';
import { dayMonthYearHint, showDayMonthYear } from '@renderer/ui/dates';
import { typedDayMonthYear } from '../dayMonthYearFields';
import { VariableHistory } from '@renderer/ui/VariableHistory';
import { VisitsTable } from '@renderer/ui/VisitsTable';

const date = (value: string | null) => (value ? formatDate(value) : null);

export function HomesTable({ homes }: { homes: Home[] }) {
  return (
    <RecordTable
      caption="Children’s homes in the case book"
      rows={homes}
      empty={<p>No homes yet.</p>}
      columns={[
        { header: 'Home', cell: (h) => <a href={hrefFor('casebook', 'homes', h.id)}>{h.name}</a> },
        { header: 'Ofsted URN', cell: (h) => h.ofstedUrn },
        { header: 'Provider', cell: (h) => h.providerName },
        {
          header: 'Ofsted judgement',
          cell: (h) => (h.ofstedJudgement ? ofstedJudgementLabels[h.ofstedJudgement] : ''),
        },
      ]}
    />
  );
}

export function HomesList() {
  return (
    <ListScreen
      method="homes.list"
      title="Children’s homes"
      intro="Each home with its Ofsted URN, registered places and latest inspection."
      addHref={hrefFor('casebook', 'homes', 'new')}
      addLabel="Add a home"
      table={(rows) => <HomesTable homes={rows} />}
    />
  );
}

export function HomePage({ id }: { id: string }) {
  const home = useApiQuery('homes.get', { id });
  const placements = useApiQuery('placements.list', { homeId: id, includeArchived: true });
  const visits = useApiQuery('visits.list', { homeId: id });
  if (home.status !== 'success') return <ErrorMessage message={failureOf(home)} />;
  const h = home.data;
  return (
    <Screen title={h.name}>
      <ArchivedBanner archivedAt={h.archivedAt} what="home" />
      <DetailList
        details={[
          { label: 'Ofsted URN', value: h.ofstedUrn },
          {
            label: 'Provider',
            value: <a href={hrefFor('casebook', 'organisations', h.providerId)}>{h.providerName}</a>,
          },
          { label: 'Registered places', value: h.registeredPlaces },
          {
            label: 'Latest Ofsted judgement',
            value: h.ofstedJudgement && `${ofstedJudgementLabels[h.ofstedJudgement]}, ${date(h.ofstedJudgementDate)}`,
          },
          { label: 'Latest Regulation 44 visit', value: date(h.reg44VisitDate) },
          { label: 'Latest Regulation 45 review', value: date(h.reg45ReviewDate) },
        ]}
      />
      <RecordActions section="homes" id={id} archived={Boolean(h.archivedAt)} />
      <ReviewHistory scope={{ homeId: id }} idPrefix="home" />
      <Section id="home-visits" title="Visits">
        <VisitsTable visits={visits.data ?? []} caption={`Visits to ${h.name}, newest first`} showHome={false} />
        <p>
          <a className="button" href={hrefFor('visits', 'new', id)}>
            Record a visit
          </a>
        </p>
      </Section>
      <Section id="home-variables" title="The thirteen variables across visits">
        <VariableHistory homeId={id} />
      </Section>
      <Section id="home-placements" title="Placements">
        <PlacementsTable placements={placements.data ?? []} />
      </Section>
    </Screen>
  );
}

export function HomeEditor({ id }: { id?: string }) {
  const organisations = useApiQuery('organisations.list', {});
  return (
    <EditorPage id={id} get="homes.get" addTitle="Add a home" editTitle={(h) => `Change ${h.name}`}>
      {(home) => {
        if (organisations.status !== 'success') return <ErrorMessage message={failureOf(organisations)} />;
        const providers = organisations.data.filter((o) => o.kind === 'provider' || o.id === home?.providerId);
        if (providers.length === 0) {
          return (
            <EmptyState>
              <p>
                A home belongs to the provider that runs it. First{' '}
                <a href={hrefFor('casebook', 'organisations', 'new')}>add the provider</a> as an organisation of kind
                “Provider”.
              </p>
            </EmptyState>
          );
        }
        return <HomeForm home={home} providers={providers.map((p) => ({ value: p.id, label: p.name }))} />;
      }}
    </EditorPage>
  );
}

/** The inspection and visit dates are typed day, month, year, whatever the browser's language. */
const homeFormSchema = typedDayMonthYear(newHomeSchema, ['ofstedJudgementDate', 'reg44VisitDate', 'reg45ReviewDate']);

function HomeForm({ home, providers }: { home?: Home; providers: { value: string; label: string }[] }) {
  const { form, onSubmit, failure } = useApiForm({
    schema: homeFormSchema,
    defaultValues: {
      providerId: home?.providerId ?? (providers.length === 1 ? providers[0]!.value : ''),
      name: home?.name ?? '',
      ofstedUrn: home?.ofstedUrn ?? '',
      registeredPlaces:
        home?.registeredPlaces === null || home?.registeredPlaces === undefined ? '' : String(home.registeredPlaces),
      ofstedJudgement: home?.ofstedJudgement ?? '',
      ofstedJudgementDate: showDayMonthYear(home?.ofstedJudgementDate),
      reg44VisitDate: showDayMonthYear(home?.reg44VisitDate),
      reg45ReviewDate: showDayMonthYear(home?.reg45ReviewDate),
    },
    submit: async (values, call) => {
      const saved = home ? await call('homes.update', { ...values, id: home.id }) : await call('homes.create', values);
      navigate('casebook', 'homes', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={home ? 'Change home' : 'Add a home'}>
      <ErrorMessage message={failure} />
      <SelectField
        label="Provider"
        placeholder="Choose a provider"
        options={providers}
        error={errors.providerId?.message}
        registration={form.register('providerId')}
      />
      <TextField label="Name of the home" error={errors.name?.message} registration={form.register('name')} />
      <TextField
        label="Ofsted URN"
        hint="On the home’s Ofsted report: SC followed by six digits, for example SC123456."
        error={errors.ofstedUrn?.message}
        registration={form.register('ofstedUrn')}
        short
      />
      <TextField
        label="Registered places (optional)"
        type="number"
        error={errors.registeredPlaces?.message}
        registration={form.register('registeredPlaces')}
        short
      />
      <fieldset className="fieldset">
        <legend>Latest Ofsted inspection (optional)</legend>
        <SelectField
          label="Judgement"
          placeholder="Not recorded"
          options={ofstedJudgements.map((j) => ({ value: j, label: ofstedJudgementLabels[j] }))}
          error={errors.ofstedJudgement?.message}
          registration={form.register('ofstedJudgement')}
        />
        <TextField
          label="Date of the judgement"
          hint={dayMonthYearHint}
          error={errors.ofstedJudgementDate?.message}
          registration={form.register('ofstedJudgementDate')}
          short
        />
      </fieldset>
      <TextField
        label="Latest Regulation 44 visit (optional)"
        hint={dayMonthYearHint}
        error={errors.reg44VisitDate?.message}
        registration={form.register('reg44VisitDate')}
        short
      />
      <TextField
        label="Latest Regulation 45 review (optional)"
        hint={dayMonthYearHint}
        error={errors.reg45ReviewDate?.message}
        registration={form.register('reg45ReviewDate')}
        short
      />
      <FormButtons
        saveLabel={home ? 'Save changes' : 'Add home'}
        cancelHref={home ? hrefFor('casebook', 'homes', home.id) : hrefFor('casebook', 'homes')}
        busy={isSubmitting}
      />
    </form>
  );
}

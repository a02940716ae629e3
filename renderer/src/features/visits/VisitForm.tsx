import { z } from 'zod';
import { optionalText } from '@shared/domain/fields';
import { visitKindLabels, visitKinds, type Visit, type VisitKind } from '@shared/domain/visits';
import { toLocalInput } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { readDayMonthYearTime, showDayMonthYearTime } from '@renderer/ui/dates';
import { FormButtons } from '@renderer/ui/FormButtons';
import { EmptyState, ErrorMessage, Screen } from '@renderer/ui/Screen';
import { SelectField, TextAreaField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

/** Checkboxes sharing a name give a list, one value, or false when none is ticked: always a list here. */
const ticked = z.preprocess(
  (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' && value ? [value] : []),
  z.array(z.string()),
);

const whenMessage = 'Enter the day, month, year and time, for example 03/12/2026 10:30.';
const isVisitKind = (value: string): value is VisitKind => (visitKinds as readonly string[]).includes(value);

/**
 * Every field is checked in one pass, so the form names everything missing at once (a schema's
 * rules across fields would otherwise wait until each field alone is right).
 */
const visitFormSchema = z
  .object({
    homeId: z.string(),
    // Typed day, month, year and time, whatever the browser's language, and read as this computer's time.
    visitedAt: z.preprocess((value) => (typeof value === 'string' ? readDayMonthYearTime(value) : value), z.string()),
    kind: z.string(),
    purpose: optionalText(2000),
    personIds: ticked,
    otherVisitors: z.string(),
    placementIds: ticked,
  })
  .superRefine((values, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (!values.homeId) problem('homeId', 'Choose the home visited.');
    if (!values.visitedAt) problem('visitedAt', 'Enter when the visit was.');
    else if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.visitedAt) ||
      Number.isNaN(new Date(values.visitedAt).getTime())
    )
      problem('visitedAt', whenMessage);
    if (!isVisitKind(values.kind)) problem('kind', 'Choose what kind of visit this was.');
    if (values.personIds.length === 0 && values.otherVisitors.trim() === '')
      problem('otherVisitors', 'Say who visited: tick a person from the case book, or type a name.');
  })
  .transform((values) => ({ ...values, kind: values.kind as VisitKind }));

/** A new visit (to a home chosen already, from its page) or a change to one. */
export function VisitEditor({ id, homeId }: { id?: string; homeId?: string }) {
  const visit = useApiQuery('visits.get', { visitId: id ?? '' }, { enabled: Boolean(id) });
  const homes = useApiQuery('homes.list', {});
  // Archived people too: one who visited before being archived stays ticked on the visit.
  const people = useApiQuery('people.list', { includeArchived: true });
  const title = id ? 'Change the visit' : 'Record a visit';
  const queries = id ? [visit, homes, people] : [homes, people];
  const failure = failureOf(...queries);
  if (failure) {
    return (
      <Screen title={title}>
        <ErrorMessage message={failure} />
      </Screen>
    );
  }
  if (queries.some((query) => query.status !== 'success')) return <p role="status">Loading…</p>;
  if ((homes.data ?? []).length === 0) {
    return (
      <Screen title={title}>
        <EmptyState>
          <p>
            A visit is to a home: first <a href={hrefFor('casebook', 'homes', 'new')}>add the home</a> to the case book.
          </p>
        </EmptyState>
      </Screen>
    );
  }
  return (
    <Screen title={title}>
      <VisitForm
        visit={id ? visit.data : undefined}
        homeId={homeId}
        homes={(homes.data ?? []).map((home) => ({ value: home.id, label: home.name }))}
        people={(people.data ?? [])
          .filter(
            (person) =>
              !person.archivedAt || visit.data?.visitors.some((visitor) => id && visitor.personId === person.id),
          )
          .map((person) => ({
            id: person.id,
            name: person.name,
            detail: [person.role, person.organisationName].filter(Boolean).join(', '),
          }))}
      />
    </Screen>
  );
}

interface PersonChoice {
  id: string;
  name: string;
  detail: string;
}

function VisitForm({
  visit,
  homeId,
  homes,
  people,
}: {
  visit?: Visit;
  homeId?: string;
  homes: { value: string; label: string }[];
  people: PersonChoice[];
}) {
  const known = new Set(people.map((person) => person.id));
  // A visitor whose person is no longer in the case book is kept by name.
  const fromCaseBook = (visit?.visitors ?? []).filter((visitor) => visitor.personId && known.has(visitor.personId));
  const typed = (visit?.visitors ?? []).filter((visitor) => !visitor.personId || !known.has(visitor.personId));
  const { form, onSubmit, failure } = useApiForm({
    schema: visitFormSchema,
    defaultValues: {
      homeId:
        visit?.homeId ??
        (homeId && homes.some((home) => home.value === homeId) ? homeId : homes.length === 1 ? homes[0]!.value : ''),
      visitedAt: showDayMonthYearTime(toLocalInput(visit?.visitedAt ?? new Date().toISOString())),
      kind: visit?.kind ?? '',
      purpose: visit?.purpose ?? '',
      personIds: fromCaseBook.map((visitor) => visitor.personId!),
      otherVisitors: typed.map((visitor) => visitor.name).join('\n'),
      placementIds: visit?.placements.map((placement) => placement.id) ?? [],
    },
    submit: async (values, call) => {
      const names = new Map(people.map((person) => [person.id, person.name]));
      const details = {
        homeId: values.homeId,
        visitedAt: new Date(values.visitedAt).toISOString(),
        kind: values.kind,
        purpose: values.purpose,
        visitors: [
          ...values.personIds.map((personId) => ({ personId, name: names.get(personId) ?? '' })),
          ...values.otherVisitors
            .split('\n')
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => ({ name })),
        ],
        placementIds: values.placementIds.filter((id) => placementIdsOfHome.has(id)),
      };
      const saved = visit
        ? await call('visits.update', { id: visit.id, ...details })
        : await call('visits.create', details);
      navigate('visits', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const chosenHome = form.watch('homeId');
  const placements = useApiQuery('placements.list', { homeId: chosenHome }, { enabled: Boolean(chosenHome) });
  const placementIdsOfHome = new Set((placements.data ?? []).map((placement) => placement.id));

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={visit ? 'Change the visit' : 'Record a visit'}>
      <ErrorMessage message={failure ?? failureOf(placements)} />
      <SelectField
        label="Home visited"
        placeholder="Choose a home"
        options={homes}
        error={errors.homeId?.message}
        registration={form.register('homeId')}
      />
      <TextField
        label="When"
        hint="Day, month, year and time, for example 03/12/2026 10:30."
        error={errors.visitedAt?.message}
        registration={form.register('visitedAt')}
        short
      />
      <SelectField
        label="Kind of visit"
        placeholder="Choose the kind of visit"
        options={visitKinds.map((kind) => ({ value: kind, label: visitKindLabels[kind] }))}
        error={errors.kind?.message}
        registration={form.register('kind')}
      />
      <TextAreaField
        label="Purpose (optional)"
        error={errors.purpose?.message}
        registration={form.register('purpose')}
      />
      <fieldset className="fieldset">
        <legend>Who visited</legend>
        {people.length > 0 && (
          <ul className="visit-form__choices" aria-label="People in the case book">
            {people.map((person) => (
              <li key={person.id}>
                <label className="checkbox">
                  <input type="checkbox" value={person.id} {...form.register('personIds')} />
                  {person.name}
                  {person.detail && <span className="muted"> ({person.detail})</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
        <TextAreaField
          label={people.length > 0 ? 'Anyone else: one name a line' : 'Visitors: one name a line'}
          error={errors.otherVisitors?.message}
          registration={form.register('otherVisitors')}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Placements the visit touched (optional)</legend>
        {!chosenHome ? (
          <p className="muted">Choose the home first: its placements are listed here by their references.</p>
        ) : placements.data && placements.data.length === 0 ? (
          <p className="muted">This home has no placements in the case book.</p>
        ) : (
          <ul className="visit-form__choices" aria-label="The home’s placements">
            {(placements.data ?? []).map((placement) => (
              <li key={placement.id}>
                <label className="checkbox">
                  <input type="checkbox" value={placement.id} {...form.register('placementIds')} />
                  {placement.childReference}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <FormButtons
        saveLabel={visit ? 'Save changes' : 'Record the visit'}
        cancelHref={visit ? hrefFor('visits', visit.id) : hrefFor('visits')}
        busy={isSubmitting}
      />
    </form>
  );
}

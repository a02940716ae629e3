import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { Home } from '@shared/domain/homes';
import type { Person } from '@shared/domain/people';
import type { Placement } from '@shared/domain/placements';
import type { VariableRating, Visit, VisitNote } from '@shared/domain/visits';
import { VisitsScreen } from '@renderer/features/visits/VisitsScreen';
import { VariableHistory } from '@renderer/ui/VariableHistory';
import { renderWithApi } from '../fakeApi';

const homeId = '6f1c2a5e-0d43-4c6b-9a47-1b8e0f3a2c11';
const visitId = '0c9b7a6e-3d2f-4e1a-8b5c-9d8e7f6a5b4c';
const personId = '2b7d9e14-5c8a-4f3e-8d21-7a6c4b9e0f55';
const placementId = '7a1e2d3c-4b5a-4968-8776-655443322110';
const times = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', archivedAt: null };

function aVisit(notes: VisitNote[] = []): Visit {
  return {
    ...times,
    id: visitId,
    homeId,
    homeName: 'Oakwood House',
    visitedAt: '2026-12-03T10:30:00.000Z',
    kind: 'commissioner',
    purpose: 'To see the new activity room',
    visitors: [{ personId, name: 'Sam Patel' }],
    placements: [{ id: placementId, childReference: 'AB12' }],
    noteCount: notes.length,
    notes,
  };
}

/** A fake core that keeps the visit's notes as the real one does: saved, deleted and brought back. */
function visitCore() {
  const notes = new Map<string, VisitNote>();
  const deleted = new Set<string>();
  return {
    'visits.get': () => aVisit([...notes.values()].filter((note) => !deleted.has(note.id))),
    'visitNotes.save': (input: Omit<VisitNote, 'createdAt' | 'updatedAt'>) => {
      notes.set(input.id, { ...input, createdAt: times.createdAt, updatedAt: times.updatedAt });
      return { savedAt: '2026-12-03T10:31:00.000Z' };
    },
    'visitNotes.delete': ({ noteId }: { noteId: string }) => {
      deleted.add(noteId);
      return aVisit();
    },
    'visitNotes.restore': ({ noteId }: { noteId: string }) => {
      deleted.delete(noteId);
      return aVisit();
    },
  };
}

test('a visit’s notes are added by keyboard, saved as typed, and carry a variable, its question, a rating and its reason', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<VisitsScreen path={[visitId]} />, visitCore() as never);
  expect(await screen.findByRole('heading', { name: 'Visit to Oakwood House, 3 December 2026' })).toBeVisible();
  expect(screen.getByText('Sam Patel')).toBeVisible();
  expect(screen.getByText('AB12')).toBeVisible();

  // N, when not typing, adds a note and puts the keyboard in it.
  await user.keyboard('n');
  const text = screen.getByRole('textbox', { name: 'Note 1' });
  expect(text).toHaveFocus();
  await user.type(text, 'Staff ate with the young people');
  await waitFor(() =>
    expect(core.callsTo('visitNotes.save').at(-1)).toMatchObject({
      visitId,
      text: 'Staff ate with the young people',
      variable: null,
      rating: null,
    }),
  );

  // No rating until a variable is chosen; then the paper's question is the prompt.
  expect(screen.queryByRole('combobox', { name: 'Rating' })).toBeNull();
  await user.tab();
  expect(screen.getByRole('combobox', { name: 'Variable' })).toHaveFocus();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Variable' }), '2');
  expect(
    screen.getByText(/The amount of time staff spend with young people rather than doing other duties\./),
  ).toBeVisible();
  expect(text).toHaveAccessibleDescription(/The amount of time staff spend with young people/);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rating' }), '4');
  await user.type(screen.getByRole('textbox', { name: 'Reason for the rating' }), 'Staff sat with everyone at tea');
  await waitFor(() =>
    expect(core.callsTo('visitNotes.save').at(-1)).toMatchObject({
      variable: 2,
      rating: 4,
      reason: 'Staff sat with everyone at tea',
    }),
  );
  await waitFor(() => expect(screen.getByText('Saved')).toBeVisible());

  // Clearing the variable takes its rating with it: a rating is for a variable.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Variable' }), '');
  await waitFor(() => expect(core.callsTo('visitNotes.save').at(-1)).toMatchObject({ variable: null, rating: null }));

  // Ctrl+Enter in a note adds the next one.
  await user.click(text);
  await user.keyboard('{Control>}{Enter}{/Control}');
  expect(screen.getByRole('textbox', { name: 'Note 2' })).toHaveFocus();
});

test('a note heard from a young person takes a reference, and a name there is not saved', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<VisitsScreen path={[visitId]} />, visitCore() as never);
  await user.click(await screen.findByRole('button', { name: 'Add a note' }));
  await user.type(screen.getByRole('textbox', { name: 'Note 1' }), 'Likes the new room');
  await user.selectOptions(screen.getByRole('combobox', { name: 'How it was noticed' }), 'heard_young_person');
  const reference = screen.getByRole('textbox', { name: /The young person’s reference/ });
  await user.type(reference, 'Jane Smith');
  expect(await screen.findByText(/Not saved:/)).toBeVisible();
  await user.clear(reference);
  await user.type(reference, 'JS');
  await waitFor(() =>
    expect(core.callsTo('visitNotes.save').at(-1)).toMatchObject({ kind: 'heard_young_person', youngPerson: 'JS' }),
  );
  expect(core.callsTo('visitNotes.save').some((input) => (input as VisitNote).youngPerson === 'Jane Smith')).toBe(
    false,
  );

  await user.selectOptions(screen.getByRole('combobox', { name: 'How it was noticed' }), 'read_record');
  await user.type(screen.getByRole('textbox', { name: 'Which record' }), 'Daily log');
  await waitFor(() =>
    expect(core.callsTo('visitNotes.save').at(-1)).toMatchObject({ kind: 'read_record', source: 'Daily log' }),
  );
});

test('a note naming what may be a child asks for their reference instead, leaving the visitors’ own names alone', async () => {
  const user = userEvent.setup();
  renderWithApi(<VisitsScreen path={[visitId]} />, visitCore() as never);
  await user.click(await screen.findByRole('button', { name: 'Add a note' }));
  const text = screen.getByRole('textbox', { name: 'Note 1' });
  await user.type(text, 'Sam Patel and the keyworker walked to school; Sam waited');
  expect(screen.queryByText(/may be a child’s name/)).toBeNull();
  await user.type(text, ' with Jayden');
  const warning = await screen.findByText(/“Jayden” may be a child’s name\./);
  expect(text).toHaveAccessibleDescription(expect.stringContaining('“Jayden” may be a child’s name.'));
  expect(warning).toHaveTextContent('Write the young person’s reference (initials or case number) instead');
  await user.clear(text);
  await user.type(text, 'JS walked to school');
  expect(screen.queryByText(/may be a child’s name/)).toBeNull();
});

test('a deleted note can be brought back', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<VisitsScreen path={[visitId]} />, visitCore() as never);
  await user.click(await screen.findByRole('button', { name: 'Add a note' }));
  await user.type(screen.getByRole('textbox', { name: 'Note 1' }), 'A small change: new curtains');
  await waitFor(() => expect(core.callsTo('visitNotes.save').length).toBeGreaterThan(0));
  await user.click(screen.getByRole('button', { name: 'Delete note 1' }));
  await waitFor(() => expect(screen.getByText('Note deleted.')).toBeVisible());
  expect(core.callsTo('visitNotes.delete')).toEqual([{ visitId, noteId: expect.any(String) as string }]);
  expect(screen.queryByRole('textbox', { name: 'Note 1' })).toBeNull();
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Notes' })).toHaveFocus());

  await user.click(screen.getByRole('button', { name: 'Undo: bring the note back' }));
  await waitFor(() => expect(screen.getByText('Note brought back.')).toBeVisible());
  expect(await screen.findByRole('textbox', { name: 'Note 1' })).toHaveValue('A small change: new curtains');
});

test('a never-saved empty note is deleted without asking the core', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<VisitsScreen path={[visitId]} />, visitCore() as never);
  await user.click(await screen.findByRole('button', { name: 'Add a note' }));
  await user.click(screen.getByRole('button', { name: 'Delete note 1' }));
  await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note 1' })).toBeNull());
  expect(core.callsTo('visitNotes.delete')).toEqual([]);
});

test('recording a visit sends the typed day and time, the kind, the visitors and the placements, then opens the visit', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<VisitsScreen path={['new', homeId]} />, {
    'homes.list': () => [{ ...times, id: homeId, name: 'Oakwood House' } as Home],
    'people.list': () => [
      { ...times, id: personId, name: 'Sam Patel', role: 'Commissioner', organisationName: 'Northshire' } as Person,
    ],
    'placements.list': () => [{ ...times, id: placementId, homeId, childReference: 'AB12' } as Placement],
    'visits.create': () => aVisit(),
  });
  expect(await screen.findByRole('heading', { name: 'Record a visit' })).toBeVisible();
  expect(screen.getByRole('combobox', { name: 'Home visited' })).toHaveValue(homeId);

  // Nothing said about who visited or what kind: the form says so, and sends nothing.
  await user.click(screen.getByRole('button', { name: 'Record the visit' }));
  expect(await screen.findByText('Choose what kind of visit this was.')).toBeVisible();
  expect(screen.getByText('Say who visited: tick a person from the case book, or type a name.')).toBeVisible();
  expect(core.callsTo('visits.create')).toEqual([]);

  const when = screen.getByRole('textbox', { name: 'When' });
  await user.clear(when);
  await user.type(when, '3/12/2026 10:30');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of visit' }), 'independent');
  await user.type(screen.getByRole('textbox', { name: 'Purpose (optional)' }), 'Monthly visit');
  await user.click(screen.getByRole('checkbox', { name: /Sam Patel/ }));
  await user.type(screen.getByRole('textbox', { name: 'Anyone else: one name a line' }), 'Alex Green');
  await user.click(await screen.findByRole('checkbox', { name: 'AB12' }));
  await user.click(screen.getByRole('button', { name: 'Record the visit' }));

  await waitFor(() => expect(core.callsTo('visits.create')).toHaveLength(1));
  expect(core.callsTo('visits.create')[0]).toEqual({
    homeId,
    visitedAt: new Date('2026-12-03T10:30').toISOString(),
    kind: 'independent',
    purpose: 'Monthly visit',
    visitors: [{ personId, name: 'Sam Patel' }, { name: 'Alex Green' }],
    placementIds: [placementId],
  });
  await waitFor(() => expect(window.location.hash).toBe(`#/visits/${visitId}`));
});

test('the visits list shows each visit’s home, kind, British date, visitors and note count', async () => {
  renderWithApi(<VisitsScreen path={[]} />, { 'visits.list': () => [{ ...aVisit(), noteCount: 3 }] });
  const table = await screen.findByRole('table', { name: 'Visits to homes, newest first' });
  const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
  expect(cells.map((cell) => cell.textContent)).toEqual([
    expect.stringMatching(/^3 December 2026/),
    'Oakwood House',
    'The commissioner’s visit',
    'Sam Patel',
    '3',
  ]);
  expect(screen.getByRole('link', { name: 'Record a visit' })).toHaveAttribute('href', '#/visits/new');
});

test('a home’s variables are charted, one small chart each, with the figures behind them', async () => {
  const ratings: VariableRating[] = [
    { variable: 2, visitId, visitedAt: '2026-06-03T10:00:00.000Z', rating: 2, reason: 'Staff in the office' },
    { variable: 8, visitId, visitedAt: '2026-06-03T10:00:00.000Z', rating: 3, reason: 'Tired' },
    { variable: 2, visitId: 'v2', visitedAt: '2026-12-03T10:00:00.000Z', rating: 4, reason: 'Staff with everyone' },
  ];
  const user = userEvent.setup();
  renderWithApi(<VariableHistory homeId={homeId} />, { 'visits.variableHistory': () => ratings });
  const chart = await screen.findByRole('img', {
    name: /^2\. Degree of staff involvement with young people: rated at 2 visits, from 2 on 3 June 2026 to 4 on 3 December 2026$/,
  });
  expect(chart.querySelectorAll('circle')).toHaveLength(2);
  expect(screen.getByRole('img', { name: /^8\. Staff morale: rated 3 at 1 visit/ })).toBeVisible();
  await user.click(screen.getAllByText('Show the figures')[0]!);
  const table = screen.getByRole('table', { name: /2\. Degree of staff involvement/ });
  const rows = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);
  expect(rows).toEqual(['3 June 20262Staff in the office', '3 December 20264Staff with everyone']);
});

test('a home with no ratings says so', async () => {
  renderWithApi(<VariableHistory homeId={homeId} />, { 'visits.variableHistory': () => [] });
  expect(await screen.findByText(/No variable rated yet/)).toBeVisible();
});

test('changing a visit starts from what it holds, keeps typed names as typed, and saves the change', async () => {
  const user = userEvent.setup();
  const visit = {
    ...aVisit(),
    visitors: [
      { personId, name: 'Sam Patel' },
      { personId: null, name: 'Jo Reg44' },
    ],
  };
  const { core } = renderWithApi(<VisitsScreen path={[visitId, 'edit']} />, {
    'visits.get': () => visit,
    'homes.list': () => [{ ...times, id: homeId, name: 'Oakwood House' } as Home],
    'people.list': () => [
      { ...times, id: personId, name: 'Sam Patel', role: 'Commissioner', organisationName: null } as Person,
    ],
    'placements.list': () => [{ ...times, id: placementId, homeId, childReference: 'AB12' } as Placement],
    'visits.update': () => visit,
  });
  expect(await screen.findByRole('heading', { name: 'Change the visit' })).toBeVisible();
  expect(screen.getByRole('combobox', { name: 'Kind of visit' })).toHaveValue('commissioner');
  expect(screen.getByRole('checkbox', { name: /Sam Patel/ })).toBeChecked();
  expect(screen.getByRole('textbox', { name: 'Anyone else: one name a line' })).toHaveValue('Jo Reg44');
  expect(await screen.findByRole('checkbox', { name: 'AB12' })).toBeChecked();
  const when = screen.getByRole('textbox', { name: 'When' });
  expect(when).toHaveValue(`03/12/2026 ${String(new Date('2026-12-03T10:30:00.000Z').getHours()).padStart(2, '0')}:30`);
  await user.click(screen.getByRole('checkbox', { name: 'AB12' }));
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(core.callsTo('visits.update')).toHaveLength(1));
  expect(core.callsTo('visits.update')[0]).toMatchObject({
    id: visitId,
    visitors: [{ personId, name: 'Sam Patel' }, { name: 'Jo Reg44' }],
    placementIds: [],
  });
});

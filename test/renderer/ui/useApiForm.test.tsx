import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { newOrganisationSchema, type Organisation } from '@shared/domain/organisations';
import { useRoute } from '@renderer/navigation/routes';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { renderWithApi, type FakeHandlers } from '../fakeApi';

function AddOrganisation() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: newOrganisationSchema,
    defaultValues: { name: '', kind: 'local_authority' },
    submit: async (values, call) => {
      await call('organisations.create', values);
      return `Added ${values.name}.`;
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an organisation">
      <ErrorMessage message={failure} />
      <TextField label="Name" error={errors.name?.message} registration={form.register('name')} />
      <SelectField
        label="Kind"
        error={errors.kind?.message}
        options={[
          { value: 'local_authority', label: 'Local authority' },
          { value: 'provider', label: 'Provider' },
        ]}
        registration={form.register('kind')}
      />
      <button type="submit">Add organisation</button>
      <StatusMessage message={status} />
    </form>
  );
}

function Where() {
  return <p>On screen: {useRoute().screen}</p>;
}

const created = (input: { name: string }) => ({ id: 'o1', ...input }) as Organisation;

function renderForm(handlers: FakeHandlers = { 'organisations.create': created }) {
  return renderWithApi(
    <>
      <Where />
      <AddOrganisation />
    </>,
    handlers,
  );
}

async function goTo(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((settle) => setTimeout(settle, 10));
  });
}

beforeEach(async () => {
  await goTo('#/casebook');
});

test('a field the core refuses shows its message on that input, which takes the keyboard', async () => {
  const user = userEvent.setup();
  const duplicate = 'Another organisation already has this name.';
  const { core } = renderForm({
    'organisations.create': () => {
      throw new ApiError('conflict', duplicate, { name: duplicate });
    },
  });
  await user.type(screen.getByLabelText('Name'), 'Northshire County Council');
  await user.click(screen.getByRole('button', { name: 'Add organisation' }));

  const name = screen.getByLabelText('Name');
  await waitFor(() => expect(name).toHaveAccessibleDescription(expect.stringContaining(duplicate)));
  expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(name).toHaveFocus();
  expect(screen.getByLabelText('Kind')).not.toHaveAttribute('aria-invalid');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(name).toHaveValue('Northshire County Council');
  expect(core.callsTo('organisations.create')).toEqual([
    { name: 'Northshire County Council', kind: 'local_authority' },
  ]);
});

test('a refusal that names no field on the form is said above it', async () => {
  const user = userEvent.setup();
  renderForm({
    'organisations.create': () => {
      throw new ApiError('invalid_input', 'The request has fields this app does not know: colour.', {
        colour: 'Unknown.',
      });
    },
  });
  await user.type(screen.getByLabelText('Name'), 'Northshire County Council');
  await user.click(screen.getByRole('button', { name: 'Add organisation' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The request has fields this app does not know: colour.');
  expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
});

test('the shared schema checks the form before anything is sent', async () => {
  const user = userEvent.setup();
  const { core } = renderForm();
  await user.click(screen.getByRole('button', { name: 'Add organisation' }));
  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
    expect.stringContaining('Enter the organisation’s name.'),
  );
  expect(core.callsTo('organisations.create')).toEqual([]);
});

test('leaving with unsaved changes asks first; staying keeps the page and what was typed', async () => {
  const user = userEvent.setup();
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  renderForm();
  await user.type(screen.getByLabelText('Name'), 'Half typed');

  await goTo('#/settings');
  expect(confirm).toHaveBeenCalledWith('You have changes that are not saved. Leave this page and lose them?');
  expect(screen.getByText('On screen: casebook')).toBeInTheDocument();
  expect(window.location.hash).toBe('#/casebook');
  expect(screen.getByLabelText('Name')).toHaveValue('Half typed');

  confirm.mockReturnValue(true);
  await goTo('#/settings');
  expect(screen.getByText('On screen: settings')).toBeInTheDocument();
});

test('once saved, the form is empty for the next one and leaving no longer asks', async () => {
  const user = userEvent.setup();
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  renderForm();
  await user.type(screen.getByLabelText('Name'), 'Brightwater Care Ltd');
  await user.selectOptions(screen.getByLabelText('Kind'), 'Provider');
  await user.click(screen.getByRole('button', { name: 'Add organisation' }));
  // The status region is always there, empty until something is said: wait for the words.
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Added Brightwater Care Ltd.'));
  expect(screen.getByLabelText('Name')).toHaveValue('');

  await goTo('#/deck');
  expect(confirm).not.toHaveBeenCalled();
  expect(screen.getByText('On screen: deck')).toBeInTheDocument();
});

test('a choice made in the instant after pressing save, while the values are checked, is kept for the next entry', async () => {
  const user = userEvent.setup();
  const sent: unknown[] = [];
  renderForm({ 'organisations.create': (input: { name: string }) => (sent.push(input), created(input)) });
  await user.type(screen.getByLabelText('Name'), 'Northshire County Council');
  // Pressed, then changed at once, before the schema's check (which is asynchronous) has finished.
  fireEvent.click(screen.getByRole('button', { name: 'Add organisation' }));
  fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'provider' } });
  // The status region is always there, empty until something is said: wait for the words.
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Added Northshire County Council.'));
  expect(sent).toEqual([{ name: 'Northshire County Council', kind: 'local_authority' }]);
  expect(screen.getByLabelText('Name')).toHaveValue('');
  expect(screen.getByLabelText('Kind')).toHaveValue('provider');
});

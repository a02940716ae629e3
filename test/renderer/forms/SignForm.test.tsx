import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { agreementStatement, type MinutesVersion } from '@shared/domain/minutes';
import { SignForm } from '@renderer/features/minutes/SignForm';
import { renderWithApi, type FakeHandlers } from '../fakeApi';

const fingerprint = 'ab'.repeat(32);
const minutes = { id: 'm1', fingerprint, status: 'locked' } as MinutesVersion;
const suggested = { name: 'Sam Okoro', role: 'Commissioning officer', organisation: 'Northshire County Council' };

// jsdom draws nothing: the signature pad gets a drawing surface that accepts every call.
beforeEach(() => {
  const surface = new Proxy<Record<string | symbol, unknown>>(
    {},
    { get: (target, key) => target[key] ?? (() => undefined) },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(surface as unknown as CanvasRenderingContext2D);
});

function renderSignForm(handlers: FakeHandlers = { 'minutes.sign': () => minutes }) {
  const onSigned = vi.fn();
  const rendered = renderWithApi(
    <SignForm minutes={minutes} side="commissioner" suggested={suggested} onSigned={onSigned} onCancel={vi.fn()} />,
    handlers,
  );
  return { ...rendered, onSigned };
}

test('signing asks for a drawn signature and the agreement before anything is sent', async () => {
  const user = userEvent.setup();
  const { core, onSigned } = renderSignForm();
  expect(screen.getByLabelText('Your full name')).toHaveValue('Sam Okoro');

  await user.click(screen.getByRole('button', { name: 'Sign for the commissioner' }));
  expect(await screen.findByText('Draw your signature in the box, or choose to type it instead.')).toBeInTheDocument();
  expect(
    screen.getByText('Tick to agree that these minutes are an accurate record of the meeting.'),
  ).toBeInTheDocument();
  expect(core.callsTo('minutes.sign')).toEqual([]);
  expect(onSigned).not.toHaveBeenCalled();
});

test('a keyboard user types their name as the signature and signs the fingerprint they saw', async () => {
  const user = userEvent.setup();
  const { core, onSigned } = renderSignForm();
  const signer = screen.getByRole('group', { name: 'Signature for the commissioner' });
  expect(signer).toContainElement(screen.getByRole('img', { name: 'Draw your signature in the box' }));

  await user.click(screen.getByLabelText('Type my name as my signature instead of drawing it'));
  expect(screen.queryByRole('img', { name: 'Draw your signature in the box' })).not.toBeInTheDocument();
  await user.click(screen.getByLabelText(agreementStatement));
  await user.click(screen.getByRole('button', { name: 'Sign for the commissioner' }));

  await waitFor(() => expect(onSigned).toHaveBeenCalled());
  expect(core.callsTo('minutes.sign')).toEqual([
    { ...suggested, image: null, agreed: true, minutesId: 'm1', side: 'commissioner', fingerprint },
  ]);
});

test('minutes changed since they were read: the core’s words are said above the form', async () => {
  const user = userEvent.setup();
  const changed = 'These minutes have changed. Read them again before signing.';
  const { onSigned } = renderSignForm({
    'minutes.sign': () => {
      throw new ApiError('conflict', changed, { fingerprint: changed });
    },
  });
  await user.click(screen.getByLabelText('Type my name as my signature instead of drawing it'));
  await user.click(screen.getByLabelText(agreementStatement));
  await user.click(screen.getByRole('button', { name: 'Sign for the commissioner' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(changed);
  expect(onSigned).not.toHaveBeenCalled();
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { Session, SessionAction } from '@shared/domain/sessions';
import { renderRunScreen, runningSession, sessionNote } from './runScreen';

const noteId = crypto.randomUUID();
const concern = sessionNote(
  noteId,
  'deliver',
  'AB12 has missed two contact visits with their mother.',
  'concern',
  'provider',
);

const runningReview = (): Session =>
  runningSession('r1', {
    stage: 'deliver',
    timer: { stage: 'deliver', startedAt: null, elapsedMs: 0, limitMs: 15 * 60_000 },
    notes: [concern],
    openConcerns: [noteId],
  });

test('an action asked for from a concern is written in the actions form, answers the concern and is said beside the form, which starts afresh', async () => {
  const user = userEvent.setup();
  let session = runningReview();
  const { core } = renderRunScreen('r1', () => session, {
    'actions.save': (input) => {
      const action = {
        id: 'a1',
        reviewId: 'r1',
        text: input.text,
        ownerSide: input.ownerSide ?? null,
        ownerName: null,
        noteId: input.noteId ?? null,
      } as SessionAction;
      session = { ...session, actions: [action], openConcerns: [] };
      return session;
    },
  });

  const concerns = await screen.findByRole('region', { name: 'Concerns (1)' });
  expect(within(concerns).getByText('Needs an action, or a reason why none is needed.')).toBeInTheDocument();
  await user.click(within(concerns).getByRole('button', { name: 'Add an action for this concern' }));

  const actions = screen.getByRole('group', { name: 'Add an action' });
  const what = within(actions).getByLabelText('What will be done');
  await waitFor(() => expect(what).toHaveFocus());
  expect(within(actions).getByLabelText('Comes from (optional)')).toHaveValue(noteId);

  await user.type(what, 'Social worker to arrange contact at a new venue');
  await user.selectOptions(within(actions).getByLabelText('Who will do it'), 'The commissioner');
  await user.click(within(actions).getByRole('button', { name: 'Add action' }));

  expect(
    await within(concerns).findByText('Action: Social worker to arrange contact at a new venue'),
  ).toBeInTheDocument();
  expect(within(concerns).queryByText('Needs an action, or a reason why none is needed.')).not.toBeInTheDocument();
  expect(within(screen.getByRole('region', { name: 'Actions' })).getByText('Action added.')).toHaveAttribute(
    'role',
    'status',
  );
  expect(core.callsTo('actions.save')).toEqual([
    {
      text: 'Social worker to arrange contact at a new venue',
      ownerPersonId: null,
      ownerSide: 'commissioner',
      dueDate: null,
      noteId,
      reviewId: 'r1',
      cardId: null,
    },
  ]);
  // Ready for the next action: every field cleared, who too, and the keyboard in what will be done.
  expect(what).toHaveValue('');
  expect(within(actions).getByLabelText('Comes from (optional)')).toHaveValue('');
  expect(within(actions).getByLabelText('Who will do it')).toHaveValue('');
  await waitFor(() => expect(what).toHaveFocus());
});

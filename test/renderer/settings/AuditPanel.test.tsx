import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { AuditVerification } from '@shared/api/contract';
import { AuditPanel } from '@renderer/features/settings/AuditPanel';
import { renderWithApi } from '../fakeApi';

const whole: AuditVerification = {
  entries: 42,
  firstBroken: null,
  anchor: { held: true, reason: null },
  seals: { checked: 2, notHeld: [] },
};

async function verifyWith(report: AuditVerification) {
  const user = userEvent.setup();
  renderWithApi(<AuditPanel />, { 'audit.verify': () => report });
  await user.click(screen.getByRole('button', { name: 'Verify the audit trail' }));
  return screen.findByRole('status');
}

test('a whole trail: every entry, the anchor and each seal’s record hold', async () => {
  const status = await verifyWith(whole);
  expect(status).toHaveTextContent('All 42 entries hold');
  expect(status).toHaveTextContent('none has been removed from its end');
  expect(status).toHaveTextContent(
    'Each of the 2 sealed minutes finds in the trail the entry its seal recorded: nothing before them was rewritten.',
  );
});

test('a trail rewritten with its anchor: the seal whose record no longer matches is named, in plain words', async () => {
  const status = await verifyWith({
    ...whole,
    seals: {
      checked: 2,
      notHeld: [{ title: 'Placement review: AB12 at Oakwood House', version: 1, seq: 13 }],
    },
  });
  expect(status).toHaveTextContent(
    'Placement review: AB12 at Oakwood House, version 1: when it was sealed the trail had reached entry 13, and the trail no longer holds that entry as it was.',
  );
  expect(status.querySelector('.error-summary')).not.toBeNull();
});

test('no sealed minutes with a record of the trail: nothing is said about seals', async () => {
  const status = await verifyWith({ ...whole, seals: { checked: 0, notHeld: [] } });
  expect(status).not.toHaveTextContent(/seal/);
});

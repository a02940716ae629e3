import type { Page } from '@playwright/test';
import { stageLabels, type Stage } from '@shared/domain/sessions';
import { expect, type RunningHost } from './fixtures';

/** A council, a provider, a home and a child placed there from `startDate`. */
export async function placementAtHome(host: RunningHost, startDate = '2026-01-05') {
  const council = await host.call<{ id: string }>('organisations.create', {
    name: 'Northshire County Council',
    kind: 'local_authority',
  });
  const provider = await host.call<{ id: string }>('organisations.create', {
    name: 'Brightwater Care Ltd',
    kind: 'provider',
  });
  const home = await host.call<{ id: string }>('homes.create', {
    providerId: provider.id,
    name: 'Oakwood House',
    ofstedUrn: 'SC123456',
  });
  const placement = await host.call<{ id: string }>('placements.create', {
    homeId: home.id,
    placingAuthorityId: council.id,
    childReference: 'AB12',
    status: 'current',
    startDate,
  });
  return { council, provider, home, placement };
}

/** A case book with a placement, two people and an earlier review whose action is still open. */
export async function reviewReadyToRun(host: RunningHost) {
  const { council, provider, home, placement } = await placementAtHome(host);
  await host.call('people.create', { name: 'Priya Shah', role: 'Registered manager', organisationId: provider.id });
  await host.call('people.create', { name: 'Sam Okoro', role: 'Commissioning officer', organisationId: council.id });
  const earlier = await host.call<{ id: string }>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-06-03T10:00:00Z',
  });
  await host.call('actions.save', {
    reviewId: earlier.id,
    text: 'Book AB12’s dental check-up',
    ownerSide: 'provider',
    dueDate: '2026-07-01',
  });
  await host.call('sessions.conclude', { reviewId: earlier.id });
  const review = await host.call<{ id: string; title: string }>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-12-03T10:00:00Z',
    place: 'Oakwood House',
  });
  return { review, home, placement };
}

/** A review concluded, its minutes locked, signed for both sides and sealed for `sealer`; the sealed PDF as exported. */
export async function sealedMinutes(host: RunningHost, sealer = 'Brightwater Care Ltd') {
  const { review } = await reviewReadyToRun(host);
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisation: 'Northshire County Council',
    side: 'commissioner',
    attendance: 'present',
  });
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    name: 'Priya Shah',
    role: 'Registered manager',
    organisation: 'Brightwater Care Ltd',
    side: 'provider',
    attendance: 'present',
  });
  await host.call('notes.save', {
    id: crypto.randomUUID(),
    reviewId: review.id,
    stage: 'discover',
    side: 'provider',
    kind: 'story',
    text: 'AB12 cooked for everyone on Sunday.',
  });
  await host.call('sessions.conclude', { reviewId: review.id });
  const [draft] = await host.call<{ id: string }[]>('minutes.forReview', { reviewId: review.id });
  const { sealed: minutes } = await lockSignAndSeal(host, draft!.id, sealer);
  const exported = await host.call<{ files: { fileName: string; mediaType: string; base64: string }[] }>(
    'minutes.export',
    { minutesId: minutes.id },
  );
  const file = exported.files.find((f) => f.mediaType === 'application/pdf')!;
  return { review, minutes, fileName: file.fileName, pdf: Buffer.from(file.base64, 'base64') };
}

/** Sam Okoro for the council and Priya Shah for the provider, both present. */
export async function bothSidesPresent(host: RunningHost, reviewId: string) {
  for (const [side, name, organisation] of [
    ['commissioner', 'Sam Okoro', 'Northshire County Council'],
    ['provider', 'Priya Shah', 'Brightwater Care Ltd'],
  ] as const)
    await host.call('sessions.addParticipant', { reviewId, name, organisation, side, attendance: 'present' });
}

/**
 * Draft minutes locked, signed by both sides by typed name, and sealed, confirming (as the person
 * sealing would on screen) that none of the words flagged is a child's name.
 */
export async function lockSignAndSeal(host: RunningHost, draftId: string, sealer = 'Brightwater Care Ltd') {
  const locked = await host.call<{ id: string; fingerprint: string; possibleNames: { word: string }[] }>(
    'minutes.lock',
    { minutesId: draftId },
  );
  for (const [side, name] of [
    ['commissioner', 'Sam Okoro'],
    ['provider', 'Priya Shah'],
  ] as const)
    await host.call('minutes.sign', {
      minutesId: locked.id,
      side,
      name,
      role: '',
      organisation: '',
      image: null,
      agreed: true,
      fingerprint: locked.fingerprint,
    });
  const sealed = await host.call<{ id: string; fingerprint: string; sealKey: string }>('minutes.seal', {
    minutesId: locked.id,
    organisation: sealer,
    notChildNames: locked.possibleNames.map((name) => name.word),
  });
  return { locked, sealed };
}

/** A stage's button on the facilitator's rail. */
export const stageButton = (page: Page, stage: Stage) =>
  page
    .getByRole('navigation', { name: 'Stages' })
    .getByRole('button', { name: new RegExp(`^\\d+ ${stageLabels[stage]} `) });

/** Moves to a stage as the facilitator does, and waits until the room is in it. */
export async function moveTo(page: Page, stage: Stage) {
  await stageButton(page, stage).click();
  await expect(stageButton(page, stage)).toHaveAttribute('aria-current', 'step');
}

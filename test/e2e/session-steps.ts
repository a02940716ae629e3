import type { RunningHost } from './fixtures';

/** A case book with a placement, two people and an earlier review whose action is still open. */
export async function reviewReadyToRun(host: RunningHost) {
  const council = await host.call<{ id: string }>('organisations.create', { name: 'Northshire County Council', kind: 'local_authority' });
  const provider = await host.call<{ id: string }>('organisations.create', { name: 'Brightwater Care Ltd', kind: 'provider' });
  const home = await host.call<{ id: string }>('homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
  const placement = await host.call<{ id: string }>('placements.create', { homeId: home.id, placingAuthorityId: council.id, childReference: 'AB12', status: 'current', startDate: '2026-01-05' });
  await host.call('people.create', { name: 'Priya Shah', role: 'Registered manager', organisationId: provider.id });
  await host.call('people.create', { name: 'Sam Okoro', role: 'Commissioning officer', organisationId: council.id });
  const earlier = await host.call<{ id: string }>('reviews.create', { scope: 'placement', placementId: placement.id, scheduledFor: '2026-06-03T10:00:00Z' });
  await host.call('actions.save', { reviewId: earlier.id, text: 'Book AB12’s dental check-up', ownerSide: 'provider', dueDate: '2026-07-01' });
  await host.call('sessions.conclude', { reviewId: earlier.id });
  const review = await host.call<{ id: string; title: string }>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-12-03T10:00:00Z',
    place: 'Oakwood House',
  });
  return { review, home, placement };
}

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { Overview } from '@shared/domain/overview';
import { OverviewScreen } from '@renderer/features/overview/OverviewScreen';
import { renderWithApi } from '../fakeApi';

const empty = { total: 0, items: [] };

function overview(change: Partial<Overview> = {}): Overview {
  return {
    today: '2026-12-03',
    soonDays: 14,
    notVisitedDays: 90,
    reviews: empty,
    actions: empty,
    homes: empty,
    minutes: empty,
    ...change,
  };
}

const section = (name: RegExp) => screen.getByRole('region', { name });

test('each list has its heading and count, each line opens its record, and British dates throughout', async () => {
  renderWithApi(<OverviewScreen path={[]} />, {
    'overview.get': () =>
      overview({
        reviews: {
          total: 12,
          items: [
            {
              reviewId: 'r1',
              title: 'Placement review: AB12 at Oakwood House',
              scope: 'placement',
              scheduledFor: '2026-06-03T09:00:00.000Z',
              state: 'overdue',
              dueDate: '2026-12-01',
            },
            {
              reviewId: 'r2',
              title: 'Home review: Oakwood House',
              scope: 'home',
              scheduledFor: '2026-12-02T10:00:00.000Z',
              state: 'not_concluded',
              dueDate: '2026-12-02',
            },
          ],
        },
        actions: {
          total: 1,
          items: [
            {
              actionId: 'a1',
              reviewId: 'r1',
              reviewTitle: 'Placement review: AB12 at Oakwood House',
              reviewScheduledFor: '2026-06-03T09:00:00.000Z',
              text: 'Book AB12’s dental check-up',
              ownerName: null,
              ownerSide: 'provider',
              dueDate: '2026-07-01',
              state: 'overdue',
            },
          ],
        },
        homes: {
          total: 2,
          items: [
            { homeId: 'h1', homeName: 'Willow Lodge', providerName: 'Brightwater Care Ltd', lastVisitedAt: null },
            {
              homeId: 'h2',
              homeName: 'Oakwood House',
              providerName: 'Brightwater Care Ltd',
              lastVisitedAt: '2026-05-01T10:00:00.000Z',
            },
          ],
        },
        minutes: {
          total: 1,
          items: [
            {
              minutesId: 'm1',
              reviewId: 'r1',
              reviewTitle: 'Placement review: AB12 at Oakwood House',
              reviewScheduledFor: '2026-06-03T09:00:00.000Z',
              version: 1,
              sealedAt: '2026-06-10T10:00:00.000Z',
              sealedBy: 'Jo Bloggs, Brightwater Care Ltd',
              awaitedFrom: 'Northshire County Council',
            },
          ],
        },
      }),
  });
  expect(await screen.findByRole('heading', { level: 2, name: /Reviews due or overdue\W+12/ })).toBeVisible();
  expect(screen.getByText(/What is due on 3 December 2026/)).toBeVisible();

  const reviews = section(/Reviews due or overdue/);
  expect(
    within(reviews).getByRole('link', { name: 'Placement review: AB12 at Oakwood House, 3 June 2026' }),
  ).toHaveAttribute('href', '#/reviews/r1');
  expect(within(reviews).getByText('Next review overdue: it was due by 1 December 2026.')).toBeVisible();
  expect(within(reviews).getByText('Planned for 2 December 2026 and not yet concluded.')).toBeVisible();
  expect(within(reviews).getByText('Showing the 2 most urgent of 12.')).toBeVisible();

  const actions = section(/Actions overdue or due soon/);
  expect(within(actions).getByRole('link', { name: 'Book AB12’s dental check-up' })).toHaveAttribute(
    'href',
    '#/reviews/r1',
  );
  expect(within(actions).getByText(/Overdue: it was due by 1 July 2026\. Owner: the provider\./)).toBeVisible();

  const homes = section(/Homes not visited for 90 days/);
  expect(within(homes).getByRole('link', { name: 'Willow Lodge' })).toHaveAttribute('href', '#/casebook/homes/h1');
  expect(within(homes).getByText('Never visited.')).toBeVisible();
  expect(within(homes).getByText('Last visited 1 May 2026.')).toBeVisible();

  const minutes = section(/Minutes awaiting/);
  expect(
    within(minutes).getByRole('link', {
      name: 'Minutes of Placement review: AB12 at Oakwood House, 3 June 2026, version 1',
    }),
  ).toHaveAttribute('href', '#/reviews/r1/minutes');
  expect(within(minutes).getByText(/awaiting the countersignature of Northshire County Council/)).toBeVisible();
});

test('says so in plain words when a list is empty, and reads homes again for another length of time', async () => {
  const { core } = renderWithApi(<OverviewScreen path={[]} />, {
    'overview.get': (input) => overview({ notVisitedDays: input.notVisitedDays ?? 90 }),
  });
  expect(await screen.findByText('No reviews are due.')).toBeVisible();
  expect(screen.getByText('No actions are due.')).toBeVisible();
  expect(screen.getByText('Every home has had a visit in the last 90 days.')).toBeVisible();
  expect(screen.getByText('No sealed minutes are awaiting a countersignature.')).toBeVisible();

  await userEvent.selectOptions(screen.getByLabelText('Not visited for'), '30 days');
  await waitFor(() => expect(screen.getByText('Every home has had a visit in the last 30 days.')).toBeVisible());
  expect(core.callsTo('overview.get')).toContainEqual({ notVisitedDays: 30 });
});

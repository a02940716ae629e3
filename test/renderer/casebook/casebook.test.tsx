import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { Home } from '@shared/domain/homes';
import type { Organisation } from '@shared/domain/organisations';
import type { Placement } from '@shared/domain/placements';
import type { Review } from '@shared/domain/reviews';
import { highlightEnd, highlightStart } from '@shared/domain/search';
import { ReviewHistory } from '@renderer/features/casebook/ReviewHistory';
import { SearchPanel } from '@renderer/features/casebook/SearchPanel';
import { PlacementEditor } from '@renderer/features/casebook/placements/PlacementScreens';
import { renderWithApi } from '../fakeApi';

const homeId = '6f1c2a5e-0d43-4c6b-9a47-1b8e0f3a2c11';
const councilId = '2b7d9e14-5c8a-4f3e-8d21-7a6c4b9e0f55';
const times = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', archivedAt: null };

function review(id: string, scheduledFor: string, change: Partial<Review>): Review {
  return {
    ...times,
    id,
    scope: 'home',
    title: 'Home review: Oakwood House',
    homeId: 'h1',
    homeName: 'Oakwood House',
    placementId: null,
    childReference: null,
    commissionerId: 'la1',
    commissionerName: 'Northshire County Council',
    providerId: 'p1',
    providerName: 'Brightwater Care Ltd',
    scheduledFor,
    place: '',
    purpose: '',
    affirmativeTopic: '',
    status: 'concluded',
    minutesState: null,
    nextReviewDate: null,
    ...change,
  };
}

test('a home’s history says Sealed or Countersigned once the minutes are, and plans the next review from the last', async () => {
  renderWithApi(<ReviewHistory scope={{ homeId: 'h1' }} idPrefix="home" />, {
    'reviews.list': () => [
      review('r3', '2027-06-03T09:00:00.000Z', { status: 'planned', commissionerId: 'la2' }),
      review('r2', '2026-12-03T10:00:00.000Z', { minutesState: 'sealed' }),
      review('r1', '2026-06-03T09:00:00.000Z', { minutesState: 'countersigned' }),
      review('r0', '2026-01-03T10:00:00.000Z', {}),
    ],
    'checkin.history': () => [],
  });
  const table = await screen.findByRole('table', { name: 'Reviews' });
  const statuses = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[3]!.textContent);
  expect(statuses).toEqual(['Planned', 'Sealed', 'Countersigned', 'Concluded']);
  expect(within(table).getByRole('link', { name: 'Home review: Oakwood House, 3 December 2026' })).toBeVisible();
  // The latest home review was with another local authority: the next one starts with it chosen.
  expect(screen.getByRole('link', { name: 'Plan the next review' })).toHaveAttribute(
    'href',
    '#/reviews/new/home/h1/la2',
  );
});

test('a placement with no reviews yet offers to plan one', async () => {
  renderWithApi(<ReviewHistory scope={{ placementId: 'pl1' }} idPrefix="placement" />, {
    'reviews.list': () => [],
    'checkin.history': () => [],
  });
  expect(await screen.findByRole('link', { name: 'Plan a review' })).toHaveAttribute(
    'href',
    '#/reviews/new/placement/pl1',
  );
});

test('search names a review and a note’s review with its day', async () => {
  const user = userEvent.setup();
  const title = `Placement review: AB12 at ${highlightStart}Oakwood${highlightEnd} House`;
  renderWithApi(<SearchPanel />, {
    'search.query': () => ({
      text: 'oak',
      groups: [
        {
          kind: 'home',
          hits: [
            {
              kind: 'home',
              id: 'h1',
              title: `${highlightStart}Oakwood${highlightEnd} House`,
              snippet: 'SC123456',
              archived: false,
            },
          ],
        },
        {
          kind: 'review',
          hits: [
            { kind: 'review', id: 'r2', title, snippet: '', archived: false, scheduledFor: '2026-12-03T10:00:00.000Z' },
            { kind: 'review', id: 'r1', title, snippet: '', archived: false, scheduledFor: '2026-06-03T09:00:00.000Z' },
          ],
        },
        {
          kind: 'note',
          hits: [
            {
              kind: 'note',
              id: 'r1',
              title: 'Placement review: AB12 at Oakwood House',
              snippet: `The staff at ${highlightStart}Oak${highlightEnd}wood`,
              archived: false,
              scheduledFor: '2026-06-03T09:00:00.000Z',
            },
          ],
        },
      ],
    }),
  });
  await user.type(screen.getByLabelText('Search the case book'), 'oak');
  const reviews = await screen.findByRole('region', { name: 'Reviews' });
  expect(
    within(reviews)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual([
    'Placement review: AB12 at Oakwood House, 3 December 2026',
    'Placement review: AB12 at Oakwood House, 3 June 2026',
  ]);
  expect(within(screen.getByRole('region', { name: 'Notes' })).getByRole('link')).toHaveTextContent(
    'Placement review: AB12 at Oakwood House, 3 June 2026',
  );
  expect(within(screen.getByRole('region', { name: 'Homes' })).getByRole('link')).toHaveTextContent(/^Oakwood House$/);
});

test('a placement’s dates are typed and shown day, month, year, and its rules still hold', async () => {
  const user = userEvent.setup();
  const home = { ...times, id: homeId, name: 'Oakwood House', ofstedUrn: 'SC123456' } as Home;
  const council = {
    ...times,
    id: councilId,
    name: 'Northshire County Council',
    kind: 'local_authority',
  } as Organisation;
  const placement: Placement = {
    ...times,
    id: 'pl1',
    homeId,
    homeName: 'Oakwood House',
    placingAuthorityId: councilId,
    placingAuthorityName: 'Northshire County Council',
    childReference: 'AB12',
    startDate: '2026-01-05',
    endDate: null,
    status: 'current',
  };
  const { core } = renderWithApi(<PlacementEditor id="pl1" />, {
    'homes.list': () => [home],
    'organisations.list': () => [council],
    'placements.get': () => placement,
    'placements.update': (input) => ({ ...placement, ...input }),
  });
  const start = await screen.findByLabelText('Start date');
  expect(start).toHaveAttribute('type', 'text');
  expect(start).toHaveValue('05/01/2026');
  const end = screen.getByLabelText('End date');
  await user.type(end, '03/01/2026');
  await user.selectOptions(screen.getByLabelText('Status'), 'Ended');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('The end date must be on or after the start date.')).toBeInTheDocument();
  await user.clear(end);
  await user.type(end, '3 February 2027');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(core.callsTo('placements.update')).toHaveLength(1));
  expect(core.callsTo('placements.update')[0]).toMatchObject({ startDate: '2026-01-05', endDate: '2027-02-03' });
});

import { useId, useState, type ReactNode } from 'react';
import type { ActionDue, HomeNotVisited, MinutesAwaiting, OverviewList, ReviewDue } from '@shared/domain/overview';
import { overviewDefaults } from '@shared/domain/overview';
import { sideLabels, type Side } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { reviewName } from '@renderer/ui/reviewName';
import { EmptyState, ErrorMessage, Screen } from '@renderer/ui/Screen';
import './overview.css';

/** The choices for “not visited for”, in days. */
export const notVisitedChoices = [30, 60, 90, 180, 365] as const;

/** What is due: the first screen after unlocking. */
export function OverviewScreen(_props: { path: string[] }) {
  const [notVisitedDays, setNotVisitedDays] = useState<number>(overviewDefaults.notVisitedDays);
  const overview = useApiQuery('overview.get', { notVisitedDays }, { keepPrevious: true });
  const data = overview.data;
  const choiceId = useId();
  return (
    <Screen
      title="Overview"
      intro={
        data
          ? `What is due on ${formatDate(data.today)}, most urgent first: “due soon” means within ${data.soonDays} days.`
          : 'What is due, most urgent first.'
      }
    >
      <ErrorMessage message={failureOf(overview)} />
      {!data && !overview.error && <p>Reading the case book…</p>}
      {data && (
        <>
          <Section title="Reviews due or overdue" list={data.reviews} empty="No reviews are due.">
            {(review: ReviewDue) => <ReviewLine key={`${review.reviewId}-${review.state}`} review={review} />}
          </Section>
          <Section title="Actions overdue or due soon" list={data.actions} empty="No actions are due.">
            {(action: ActionDue) => <ActionLine key={action.actionId} action={action} />}
          </Section>
          <Section
            title={`Homes not visited for ${data.notVisitedDays} days`}
            list={data.homes}
            empty={`Every home has had a visit in the last ${data.notVisitedDays} days.`}
            tools={
              <div className="field">
                <label htmlFor={choiceId}>Not visited for</label>
                <select
                  id={choiceId}
                  value={notVisitedDays}
                  onChange={(event) => setNotVisitedDays(Number(event.target.value))}
                >
                  {notVisitedChoices.map((days) => (
                    <option key={days} value={days}>
                      {days} days
                    </option>
                  ))}
                </select>
              </div>
            }
          >
            {(home: HomeNotVisited) => <HomeLine key={home.homeId} home={home} />}
          </Section>
          <Section
            title="Minutes awaiting the other organisation’s countersignature"
            list={data.minutes}
            empty="No sealed minutes are awaiting a countersignature."
          >
            {(minutes: MinutesAwaiting) => <MinutesLine key={minutes.minutesId} minutes={minutes} />}
          </Section>
        </>
      )}
    </Screen>
  );
}

function Section<T>(props: {
  title: string;
  list: OverviewList<T>;
  empty: string;
  tools?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  const headingId = useId();
  const { total, items } = props.list;
  return (
    <section className="overview-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.title}
        <span className="visually-hidden">:</span> <span className="tag">{total}</span>
      </h2>
      {props.tools}
      {total === 0 ? (
        <EmptyState>
          <p>{props.empty}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="overview-list">{items.map((item) => props.children(item))}</ul>
          {total > items.length && (
            <p className="muted">
              Showing the {items.length} most urgent of {total}.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function When({ overdue, children }: { overdue: boolean; children: ReactNode }) {
  return <p className={overdue ? 'overview-when--overdue' : undefined}>{children}</p>;
}

function ReviewLine({ review }: { review: ReviewDue }) {
  const name = reviewName({ title: review.title, scheduledFor: review.scheduledFor });
  return (
    <li>
      <a href={hrefFor('reviews', review.reviewId)}>{name}</a>
      {review.state === 'not_concluded' ? (
        <When overdue>Planned for {formatDate(review.dueDate)} and not yet concluded.</When>
      ) : review.state === 'overdue' ? (
        <When overdue>Next review overdue: it was due by {formatDate(review.dueDate)}.</When>
      ) : (
        <When overdue={false}>Next review due by {formatDate(review.dueDate)}.</When>
      )}
    </li>
  );
}

/** Who will do it: the person named, or one of the sides. */
export function ownerOf(action: Pick<ActionDue, 'ownerName' | 'ownerSide'>): string {
  if (action.ownerName) return action.ownerName;
  const side: Side | null = action.ownerSide;
  return side ? `the ${sideLabels[side].toLowerCase()}` : 'no one named';
}

function ActionLine({ action }: { action: ActionDue }) {
  const review = reviewName({ title: action.reviewTitle, scheduledFor: action.reviewScheduledFor });
  return (
    <li>
      <a href={hrefFor('reviews', action.reviewId)}>{action.text}</a>
      <When overdue={action.state === 'overdue'}>
        {action.state === 'overdue' ? 'Overdue: it was due by' : 'Due by'} {formatDate(action.dueDate)}. Owner:{' '}
        {ownerOf(action)}.
      </When>
      <p className="muted">Agreed at {review}.</p>
    </li>
  );
}

function HomeLine({ home }: { home: HomeNotVisited }) {
  return (
    <li>
      <a href={hrefFor('casebook', 'homes', home.homeId)}>{home.homeName}</a>
      <span className="muted">, {home.providerName}</span>
      <p>{home.lastVisitedAt ? `Last visited ${formatDate(home.lastVisitedAt)}.` : 'Never visited.'}</p>
    </li>
  );
}

function MinutesLine({ minutes }: { minutes: MinutesAwaiting }) {
  const review = reviewName({ title: minutes.reviewTitle, scheduledFor: minutes.reviewScheduledFor });
  return (
    <li>
      <a href={hrefFor('reviews', minutes.reviewId, 'minutes')}>
        Minutes of {review}, version {minutes.version}
      </a>
      <p>
        {minutes.sealedAt ? `Sealed ${formatDate(minutes.sealedAt)}` : 'Sealed'}
        {minutes.sealedBy ? ` by ${minutes.sealedBy}` : ''}; awaiting the countersignature of {minutes.awaitedFrom}.
      </p>
    </li>
  );
}

import type { Review } from '@shared/domain/reviews';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { Section } from '@renderer/ui/RecordPage';
import { ReviewsTable } from '@renderer/ui/ReviewsTable';
import { CheckinChart } from './CheckinChart';

type Scope = { homeId: string } | { placementId: string } | { organisationId: string };

/** The reviews of a home, a placement or an organisation's relationships, and their check-ins over time. */
export function ReviewHistory({ scope, idPrefix }: { scope: Scope; idPrefix: string }) {
  const reviews = useApiQuery('reviews.list', { ...scope, includeArchived: true });
  return (
    <>
      <Section id={`${idPrefix}-reviews`} title="Reviews">
        <ReviewsTable reviews={reviews.data ?? []} />
        <PlanNext scope={scope} reviews={reviews.data ?? []} />
      </Section>
      <Section id={`${idPrefix}-checkins`} title="Check-in across reviews">
        <CheckinChart scope={scope} />
      </Section>
    </>
  );
}

/**
 * The next review of a home or a placement, planned from its page: what it is of is chosen
 * already (for a home, with the local authority of its last review), and it starts with the last
 * review's participants and affirmative topic.
 */
function PlanNext({ scope, reviews }: { scope: Scope; reviews: Review[] }) {
  let href: string;
  let earlier: Review[];
  if ('placementId' in scope) {
    href = hrefFor('reviews', 'new', 'placement', scope.placementId);
    earlier = reviews;
  } else if ('homeId' in scope) {
    earlier = reviews.filter((review) => review.scope === 'home' && !review.archivedAt);
    href = hrefFor('reviews', 'new', 'home', scope.homeId, ...(earlier[0] ? [earlier[0].commissionerId] : []));
  } else return null;
  return (
    <p>
      <a className="button" href={href}>
        {earlier.length ? 'Plan the next review' : 'Plan a review'}
      </a>
    </p>
  );
}

import { useApiQuery } from '@renderer/api/useApiQuery';
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
      </Section>
      <Section id={`${idPrefix}-checkins`} title="Check-in across reviews">
        <CheckinChart scope={scope} />
      </Section>
    </>
  );
}

import type { ReactNode } from 'react';
import { reviewScopeLabels, reviewStatusLabel } from '@shared/domain/reviews';
import { formatDate, formatDateTime } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { ArchiveButton } from '@renderer/ui/ArchiveButton';
import { ArchivedBanner, DetailList } from '@renderer/ui/RecordPage';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { ListScreen } from '@renderer/ui/ListScreen';
import { ReviewsTable } from '@renderer/ui/ReviewsTable';
import { reviewName } from '@renderer/ui/reviewName';
import { ReviewEditor, type NextReview } from './ReviewEditor';

/**
 * #/reviews, #/reviews/new, #/reviews/new/<home|placement>/<id>[/<commissioner id>] (the next
 * review of a home or placement), #/reviews/<id>[/edit]; what the app shows below the list comes
 * from another feature.
 */
export function ReviewsScreen({ path, belowList }: { path: string[]; belowList?: ReactNode }) {
  const [id, action] = path;
  if (!id) return <ReviewsList belowList={belowList} />;
  if (id === 'new') return <ReviewEditor key={path.join('/')} next={nextReview(path.slice(1))} />;
  return action === 'edit' ? <ReviewEditor id={id} /> : <ReviewPage id={id} />;
}

function nextReview([scope, subjectId, commissionerId]: string[]): NextReview | undefined {
  if ((scope !== 'home' && scope !== 'placement') || !subjectId) return undefined;
  return { scope, subjectId, ...(commissionerId ? { commissionerId } : {}) };
}

function ReviewsList({ belowList }: { belowList: ReactNode }) {
  return (
    <ListScreen
      method="reviews.list"
      title="Reviews"
      intro="Joint reviews of a home, a placement or the relationship between two organisations, latest first."
      addHref={hrefFor('reviews', 'new')}
      addLabel="Plan a review"
      table={(rows) => <ReviewsTable reviews={rows} />}
      after={belowList}
    />
  );
}

function ReviewPage({ id }: { id: string }) {
  const review = useApiQuery('reviews.get', { id });
  if (review.status !== 'success') return <ErrorMessage message={failureOf(review)} />;
  const r = review.data;
  return (
    <Screen title={reviewName(r)}>
      <ArchivedBanner archivedAt={r.archivedAt} what="review" />
      <DetailList
        details={[
          { label: 'Review of', value: reviewScopeLabels[r.scope] },
          ...(r.homeId
            ? [{ label: 'Home', value: <a href={hrefFor('casebook', 'homes', r.homeId)}>{r.homeName}</a> }]
            : []),
          ...(r.placementId
            ? [
                {
                  label: 'Placement',
                  value: <a href={hrefFor('casebook', 'placements', r.placementId)}>{r.childReference}</a>,
                },
              ]
            : []),
          {
            label: 'Commissioner',
            value: <a href={hrefFor('casebook', 'organisations', r.commissionerId)}>{r.commissionerName}</a>,
          },
          {
            label: 'Provider',
            value: <a href={hrefFor('casebook', 'organisations', r.providerId)}>{r.providerName}</a>,
          },
          { label: 'When', value: formatDateTime(r.scheduledFor) },
          { label: 'Where', value: r.place },
          { label: 'Purpose', value: r.purpose },
          { label: 'Status', value: reviewStatusLabel(r) },
          { label: 'Next review', value: r.nextReviewDate && formatDate(r.nextReviewDate) },
        ]}
      />
      <div className="toolbar">
        <a className="button" href={hrefFor('reviews', id, 'run')}>
          {r.status === 'planned'
            ? 'Run this review'
            : r.status === 'in_progress'
              ? 'Carry on with this review'
              : 'See how the review ran'}
        </a>
        {(r.status === 'concluded' || r.status === 'signed') && (
          <a className="button" href={hrefFor('reviews', id, 'minutes')}>
            Minutes
          </a>
        )}
        <a className="button button--secondary" href={hrefFor('reviews', id, 'edit')}>
          Change details
        </a>
        <ArchiveButton noun="reviews" id={id} archived={Boolean(r.archivedAt)} what="review" />
      </div>
    </Screen>
  );
}

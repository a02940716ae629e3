import { sideLabels, turnSides, type CheckinView } from '@shared/domain/sessions';
import { RatingsTable } from '@renderer/ui/RatingsTable';

/**
 * The check-in for the room: nothing until both sides have rated (only who has), then both sides'
 * ratings together, feature by feature.
 */
export function PresenterRatings({ checkin }: { checkin: CheckinView }) {
  const { ratings } = checkin;
  if (!checkin.revealed || !ratings) {
    return (
      <ul className="presenter-ratings__waiting">
        {turnSides.map((side) => (
          <li key={side}>
            {sideLabels[side]}: {checkin.submitted[side] ? 'has rated' : 'not yet rated'}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <RatingsTable
      ratings={ratings}
      className="presenter-ratings"
      caption="Both sides’ ratings, from 1 (not at all) to 5 (very much so)"
    />
  );
}

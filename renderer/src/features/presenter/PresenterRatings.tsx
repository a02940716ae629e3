import { sellickFeatures, sideLabels, turnSides, type CheckinView } from '@shared/domain/sessions';

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
    <table className="presenter-ratings">
      <caption>Both sides’ ratings, from 1 (not at all) to 5 (very much so)</caption>
      <thead>
        <tr>
          <th scope="col">Feature of the relationship</th>
          {turnSides.map((side) => (
            <th key={side} scope="col">
              {sideLabels[side]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sellickFeatures.map((feature) => (
          <tr key={feature.id}>
            <th scope="row">{feature.label}</th>
            {turnSides.map((side) => (
              <td key={side}>
                <strong>{ratings[side][feature.id].score}</strong>
                {ratings[side][feature.id].word && (
                  <span className="presenter-ratings__word"> “{ratings[side][feature.id].word}”</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

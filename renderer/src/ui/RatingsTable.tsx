import { sellickFeatures, sideLabels, turnSides, type CheckinView } from '@shared/domain/sessions';

/**
 * Both sides' check-in ratings, feature by feature: the score, and the word chosen with it. The
 * facilitator's screen and the presenter each style it (`className`) and word its caption.
 */
export function RatingsTable({
  ratings,
  caption,
  className,
  captionClassName,
  bracketWords = false,
}: {
  ratings: NonNullable<CheckinView['ratings']>;
  caption: string;
  className: string;
  captionClassName?: string;
  /** “warm” after the score, or (“warm”) where it sits in running text. */
  bracketWords?: boolean;
}) {
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
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
            {turnSides.map((side) => {
              const { score, word } = ratings[side][feature.id];
              return (
                <td key={side}>
                  <strong>{score}</strong>
                  {word && <span className="ratings-table__word"> {bracketWords ? `(“${word}”)` : `“${word}”`}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

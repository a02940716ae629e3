import { useState } from 'react';
import { sellickFeatures, sideLabels, turnSides, type SellickFeature, type TurnSide } from '@shared/domain/sessions';
import { useSession, useSessionStore } from './sessionStore';

type Draft = Record<SellickFeature, { score: number | null; word: string }>;
const emptyDraft = (): Draft =>
  Object.fromEntries(sellickFeatures.map((feature) => [feature.id, { score: null, word: '' }])) as Draft;

/** One side's private ratings: drawn only while that side rates, and cleared from the screen after. */
function PrivateRating({ side, onDone }: { side: TurnSide; onDone: () => void }) {
  const session = useSession();
  const change = useSessionStore((state) => state.change);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [missing, setMissing] = useState(false);

  async function submit() {
    if (sellickFeatures.some((feature) => draft[feature.id].score === null)) {
      setMissing(true);
      return;
    }
    const ratings = Object.fromEntries(sellickFeatures.map((f) => [f.id, { score: draft[f.id].score!, word: draft[f.id].word }]));
    if (await change('checkin.submit', { reviewId: session.reviewId, side, ratings: ratings as never }, `The ${sideLabels[side].toLowerCase()} has rated.`)) onDone();
  }

  return (
    <div className="form form--plain" role="group" aria-label={`Ratings from the ${sideLabels[side].toLowerCase()}`}>
      <p>Only the {sideLabels[side].toLowerCase()} should see this. From 1 (not at all) to 5 (very much so): how true is each of these of the relationship now?</p>
      {missing && (
        <p role="alert" className="error-summary">
          Give a rating from 1 to 5 for each of the four.
        </p>
      )}
      {sellickFeatures.map((feature) => (
        <fieldset key={feature.id} className="fieldset rating">
          <legend>{feature.label}</legend>
          <div className="rating__scores">
            {[1, 2, 3, 4, 5].map((score) => (
              <label key={score} className="radio">
                <input
                  type="radio"
                  name={`${side}-${feature.id}`}
                  checked={draft[feature.id].score === score}
                  onChange={() => setDraft({ ...draft, [feature.id]: { ...draft[feature.id], score } })}
                />
                {score}
              </label>
            ))}
          </div>
          <label className="rating__word">
            One word (optional){' '}
            <input value={draft[feature.id].word} maxLength={60} onChange={(event) => setDraft({ ...draft, [feature.id]: { ...draft[feature.id], word: event.target.value } })} />
          </label>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => void submit()}>
        Hand in the {sideLabels[side].toLowerCase()}’s ratings
      </button>
    </div>
  );
}

/** Sellick's four features, rated privately by each side; both shown together once both have rated. */
export function CheckinPanel() {
  const session = useSession();
  const [rating, setRating] = useState<TurnSide | null>(null);
  const { checkin } = session;

  if (checkin.revealed && checkin.ratings) {
    const ratings = checkin.ratings;
    return (
      <section aria-labelledby="checkin-heading" className="subpanel">
        <h3 id="checkin-heading">Check-in: both sides’ ratings</h3>
        <table className="table">
          <caption className="visually-hidden">Check-in ratings from 1 to 5</caption>
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
                    {ratings[side][feature.id].word && ` (“${ratings[side][feature.id].word}”)`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }

  return (
    <section aria-labelledby="checkin-heading" className="subpanel">
      <h3 id="checkin-heading">Check-in</h3>
      <p>Each side rates on its own. Nothing is shown until both have rated; then both appear together.</p>
      <ul className="checkin-sides">
        {turnSides.map((side) => (
          <li key={side}>
            {checkin.submitted[side] ? (
              <p>
                <strong>The {sideLabels[side].toLowerCase()} has rated.</strong> Their ratings stay hidden until both sides have rated.
              </p>
            ) : rating === side ? (
              <PrivateRating side={side} onDone={() => setRating(null)} />
            ) : (
              <button type="button" className="button" disabled={rating !== null} onClick={() => setRating(side)}>
                Rate for the {sideLabels[side].toLowerCase()}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { sideLabels, turnSides, type TurnSide } from '@shared/domain/sessions';
import { RatingsTable } from '@renderer/ui/RatingsTable';
import { PrivateRating } from './PrivateRating';
import { SessionNotice } from './SessionNotice';
import { isConcluded, useSession } from './useSession';

/** Sellick's four features, rated privately by each side; both shown together once both have rated. */
export function CheckinPanel() {
  const session = useSession();
  const [rating, setRating] = useState<TurnSide | null>(null);
  // The side that has just handed in: once the session says so, the keyboard goes on to the other
  // side's button, or to both sides' ratings once they are shown (never to the page's body).
  const handedIn = useRef<TurnSide | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sideButtons = useRef<Partial<Record<TurnSide, HTMLButtonElement | null>>>({});
  const { checkin } = session;
  const concluded = isConcluded(session);

  useEffect(() => {
    if (!handedIn.current || !checkin.submitted[handedIn.current]) return;
    const other = turnSides.find((side) => !checkin.submitted[side]);
    if (checkin.revealed) heading.current?.focus();
    else if (other) sideButtons.current[other]?.focus();
    handedIn.current = null;
  }, [rating, checkin]);

  if (checkin.revealed && checkin.ratings) {
    return (
      <section aria-labelledby="checkin-heading" className="subpanel">
        <h3 id="checkin-heading" tabIndex={-1} ref={heading}>
          Both sides’ ratings
        </h3>
        <RatingsTable
          ratings={checkin.ratings}
          className="table"
          caption="Check-in ratings from 1 to 5"
          captionClassName="visually-hidden"
          bracketWords
        />
        <SessionNotice place="checkin" />
      </section>
    );
  }

  return (
    <section aria-labelledby="checkin-heading" className="subpanel">
      <h3 id="checkin-heading">Private ratings</h3>
      <p>Each side rates on its own. Nothing is shown until both have rated; then both appear together.</p>
      <ul className="checkin-sides">
        {turnSides.map((side) => (
          <li key={side}>
            {checkin.submitted[side] ? (
              <p>
                <strong>The {sideLabels[side].toLowerCase()} has rated.</strong> Their ratings stay hidden until both
                sides have rated.
              </p>
            ) : concluded ? (
              <p>The {sideLabels[side].toLowerCase()} did not rate.</p>
            ) : rating === side ? (
              <PrivateRating
                side={side}
                onDone={() => {
                  handedIn.current = side;
                  setRating(null);
                }}
              />
            ) : (
              <button
                type="button"
                className="button"
                ref={(button) => {
                  sideButtons.current[side] = button;
                }}
                disabled={rating !== null}
                onClick={() => setRating(side)}
              >
                Rate for the {sideLabels[side].toLowerCase()}
              </button>
            )}
          </li>
        ))}
      </ul>
      <SessionNotice place="checkin" />
    </section>
  );
}

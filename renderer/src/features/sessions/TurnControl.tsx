import { sideLabels, turnSides } from '@shared/domain/sessions';
import { useChangeSession, useSession } from './useSession';

/** Whose turn it is: the sides alternate as they speak; the facilitator can say otherwise. */
export function TurnControl() {
  const session = useSession();
  const change = useChangeSession();
  const concluded = session.status === 'concluded' || session.status === 'signed';
  return (
    <div className="turn-control" role="group" aria-label="Whose turn">
      <p className="turn-control__now">
        <strong>{sideLabels[session.turn]}’s turn</strong>
      </p>
      {turnSides.map((side) => (
        <button
          key={side}
          type="button"
          className="button button--toggle"
          aria-pressed={session.turn === side}
          disabled={concluded}
          onClick={() => void change('sessions.turn', { reviewId: session.reviewId, side })}
        >
          {sideLabels[side]}
        </button>
      ))}
    </div>
  );
}

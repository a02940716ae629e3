import { stageLabels, stages } from '@shared/domain/sessions';
import { useRoomStore } from './roomStore';
import { isConcluded, useChangeSession, useSession } from './useSession';

/**
 * The stages in order; the facilitator moves between them, the clock never does. Once the review
 * is concluded its record is fixed, but every stage can still be opened and read.
 */
export function StageRail() {
  const session = useSession();
  const change = useChangeSession();
  const view = useRoomStore((state) => state.view);
  const concluded = isConcluded(session);
  return (
    <nav aria-label="Stages" className="stage-rail">
      <ol>
        {stages.map((stage, index) => (
          <li key={stage}>
            <button
              type="button"
              aria-current={session.stage === stage ? 'step' : undefined}
              onClick={() =>
                concluded ? view(stage) : void change('sessions.stage', { reviewId: session.reviewId, stage })
              }
            >
              <span className="stage-rail__number">{index + 1}</span> {stageLabels[stage]}
              <span className="stage-rail__time">{session.timeBoxes[stage]} min</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

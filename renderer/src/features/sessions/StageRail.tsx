import { stageLabels, stages } from '@shared/domain/sessions';
import { useChangeSession, useSession } from './useSession';

/** The stages in order; the facilitator moves between them, the clock never does. */
export function StageRail() {
  const session = useSession();
  const change = useChangeSession();
  const concluded = session.status === 'concluded' || session.status === 'signed';
  return (
    <nav aria-label="Stages" className="stage-rail">
      <ol>
        {stages.map((stage, index) => (
          <li key={stage}>
            <button
              type="button"
              aria-current={session.stage === stage ? 'step' : undefined}
              disabled={concluded}
              onClick={() => void change('sessions.stage', { reviewId: session.reviewId, stage })}
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

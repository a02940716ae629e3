import { isCardStage, stageLabels } from '@shared/domain/sessions';
import { CardPanel } from './CardPanel';
import { CheckinPanel } from './CheckinPanel';
import { ClosePanel } from './ClosePanel';
import { MattersPanel } from './MattersPanel';
import { NotesPanel } from './NotesPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { PlanPanel } from './PlanPanel';
import { SinceLastReviewPanel } from './SinceLastReviewPanel';
import { useSession } from './useSession';

const guidance = {
  define: 'Agree why you are here: the purpose, an affirmative topic, who is present, and the time for each stage.',
  checkin: 'Each side rates the relationship privately. Nothing shows until both have rated.',
  matters: 'Go through the actions from the last review: where does each stand now?',
  discover: 'Find what already works well, and what made it possible.',
  dream: 'Imagine what could be, building on what works.',
  design: 'Shape the changes that would make the dream real.',
  deliver: 'Agree who will do what, by when.',
  close:
    'Note any last words, appreciations or reflections; check every concern has an action or a reason, then conclude.',
};

/** What the facilitator works on in the current stage. */
export function StagePanel() {
  const { stage } = useSession();
  return (
    <section aria-labelledby="stage-heading" className="panel">
      <h2 id="stage-heading">{stageLabels[stage]}</h2>
      <p className="lead">{guidance[stage]}</p>
      {stage === 'define' && (
        <>
          <PlanPanel />
          <ParticipantsPanel />
        </>
      )}
      {stage === 'checkin' && <CheckinPanel />}
      {stage === 'matters' && <MattersPanel />}
      {(stage === 'matters' || stage === 'discover') && <SinceLastReviewPanel />}
      {isCardStage(stage) && <CardPanel />}
      <NotesPanel />
      {stage === 'close' && <ClosePanel />}
    </section>
  );
}

import type { DeckCard } from '@shared/deck/decks';
import { LENS_LABELS, PHASES, PHASE_LABELS, type PaperReference } from '@shared/deck/schema';
import { documentTitle, frameworkLabel, phasesLabel, standardLabel } from './labels';

type Level = 2 | 3;
const Heading = ({ level, children }: { level: Level | 4; children: React.ReactNode }) => {
  const Tag = `h${level}` as const;
  return <Tag>{children}</Tag>;
};

/** What the paper says, marked as a quotation or a paraphrase, with where it says it. */
export function CardSource({ paper, level }: { paper: PaperReference | null; level: Level }) {
  if (!paper) {
    return (
      <section className="deck-source">
        <Heading level={level}>Source</Heading>
        <p>Your own card: written for this deck, not drawn from the paper.</p>
      </section>
    );
  }
  const where = (
    <>
      <cite>{documentTitle(paper.document)}</cite>, section “{paper.section}”{paper.page ? `, page ${paper.page}` : ''}
    </>
  );
  return (
    <section className="deck-source">
      <Heading level={level}>What the paper says</Heading>
      {paper.kind === 'quotation' ? (
        <figure className="deck-quotation">
          <blockquote>
            <p>{paper.text}</p>
          </blockquote>
          <figcaption>Quotation, word for word, from {where}.</figcaption>
        </figure>
      ) : (
        <figure className="deck-paraphrase">
          <p>{paper.text}</p>
          <figcaption>A paraphrase, not the paper’s own words, of {where}.</figcaption>
        </figure>
      )}
    </section>
  );
}

/** A card's full content: source, framework, phases, questions by phase, standards and note. */
export function CardDetails({ card, level }: { card: DeckCard; level: Level }) {
  const sub = (level + 1) as Level | 4;
  return (
    <div className="deck-card-details">
      <dl className="details">
        <dt>Framework</dt>
        <dd>{frameworkLabel(card.framework)}</dd>
        <dt>Phases</dt>
        <dd>{phasesLabel(card.phases)}</dd>
        <dt>Quality Standards</dt>
        <dd>
          {card.qualityStandards.length === 0 ? (
            'None named'
          ) : (
            <ul className="deck-plain-list">
              {card.qualityStandards.map((regulation) => (
                <li key={regulation}>{standardLabel(regulation)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <CardSource paper={card.paper} level={level} />
      <section>
        <Heading level={level}>Questions</Heading>
        {PHASES.filter((phase) => card.phases.includes(phase)).map((phase) => (
          <div key={phase} className="deck-phase">
            <Heading level={sub}>{PHASE_LABELS[phase]}</Heading>
            <ul className="deck-questions">
              {card.questions
                .filter((question) => question.phase === phase)
                .map((question, index) => (
                  <li key={index}>
                    {question.lens && <span className="deck-lens">{LENS_LABELS[question.lens]}: </span>}
                    {question.text}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>
      {card.facilitatorNote && (
        <section>
          <Heading level={level}>For the facilitator</Heading>
          <p className="deck-note">{card.facilitatorNote}</p>
        </section>
      )}
    </div>
  );
}

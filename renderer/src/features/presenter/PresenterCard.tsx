import type { DeckCard } from '@shared/deck/decks';
import type { Lens, PaperReference, Question } from '@shared/deck/schema';
import { questionsFor, stageLabels, type Stage } from '@shared/domain/sessions';

/** Short names for the room; the card's full source is in the deck. */
const documentNames = {
  rethinking: 'Re:thinking Children’s Commissioning',
  'maintaining-trust': 'Maintaining trust and relationships',
} as const;

const lensLabels: Record<Lens, string> = {
  home: 'In the home',
  relationship: 'Between commissioner and provider',
};
const lensOrder = (question: Question) => (question.lens === 'home' ? 0 : question.lens === 'relationship' ? 1 : 2);

function PaperWords({ paper }: { paper: PaperReference }) {
  const where = (
    <>
      <cite>{documentNames[paper.document]}</cite>, “{paper.section}”{paper.page ? `, page ${paper.page}` : ''}
    </>
  );
  return (
    <figure className={`presenter-paper presenter-paper--${paper.kind}`}>
      {paper.kind === 'quotation' ? (
        <blockquote>
          <p>{paper.text}</p>
        </blockquote>
      ) : (
        <p>{paper.text}</p>
      )}
      <figcaption>
        {paper.kind === 'quotation' ? 'Quotation from ' : 'In other words, not the paper’s own, from '}
        {where}
      </figcaption>
    </figure>
  );
}

/**
 * The current card: its title, what the paper says, and its questions for this stage by lens; a
 * card carried on from an earlier stage asks its follow-ups first.
 */
export function PresenterCard({ card, stage, carried }: { card: DeckCard; stage: Stage; carried: boolean }) {
  const questions = questionsFor(card, stage, carried).sort(
    (a, b) => Number(!!b.followUp) - Number(!!a.followUp) || lensOrder(a) - lensOrder(b),
  );
  return (
    <section className="presenter-card" aria-labelledby="presenter-card-title">
      <p className="presenter-label">Card</p>
      <h2 id="presenter-card-title" className="presenter-card__title">
        {card.title}
      </h2>
      {card.paper && <PaperWords paper={card.paper} />}
      <h3 className="visually-hidden">Questions for {stageLabels[stage]}</h3>
      {questions.length === 0 ? (
        <p className="presenter-card__none">This card has no questions for {stageLabels[stage]}.</p>
      ) : (
        <ul className="presenter-questions">
          {questions.map((question, index) => (
            <li key={index}>
              {(question.followUp || question.lens) && (
                <p className="presenter-questions__lens">
                  {[question.followUp && 'Following on', question.lens && lensLabels[question.lens]]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
              <p className="presenter-questions__text">{question.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useRef, useState } from 'react';
import { FOLLOW_UP_PHASES, LENS_LABELS } from '@shared/deck/schema';
import {
  currentDraw,
  isCardStage,
  questionsFor,
  stageLabels,
  stages,
  type DrawnCard,
  type Stage,
} from '@shared/domain/sessions';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { focusAfter } from '@renderer/ui/focusAfter';
import { Field } from '@renderer/ui/Field';
import { SessionNotice } from './SessionNotice';
import { isConcluded, useChangeSession, useSession } from './useSession';

const stateLabels: Record<DrawnCard['state'], string> = {
  current: 'In play',
  pinned: 'Pinned',
  skipped: 'Skipped',
  done: 'Done',
};

/** Draw a card or choose one; the card in play with its questions; the cards drawn in this stage. */
export function CardPanel() {
  const session = useSession();
  const change = useChangeSession('card');
  const deck = useApiQuery('decks.get', { deckId: session.deckId });
  const [chosen, setChosen] = useState('');
  const [allowRepeats, setAllowRepeats] = useState(false);
  const drawButton = useRef<HTMLButtonElement>(null);
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const stage = session.stage;
  if (!isCardStage(stage)) return null;
  const cards = deck.data?.cards ?? [];
  const cardById = new Map(cards.map((card) => [card.id, card]));
  const concluded = isConcluded(session);
  // Looking back over a concluded review: the card left in play belongs to its own stage.
  const inPlay = currentDraw(session);
  const current = inPlay && (!concluded || inPlay.stage === stage) ? inPlay : undefined;
  // A drawn card shows the words it was drawn with: the review keeps the deck's edition it used.
  const cardOf = (drawn: DrawnCard) => drawn.card ?? cardById.get(drawn.cardId);
  const titleOf = (drawn: DrawnCard) => cardOf(drawn)?.title ?? drawn.cardId;
  const currentCard = current && cardOf(current);
  const drawnHere = session.cards.filter((card) => card.stage === stage);
  const forStage = cards.filter((card) => card.phases.includes(stage));
  const reviewId = session.reviewId;
  const carriedFrom = current?.carriedFrom
    ? session.cards.find((drawn) => drawn.drawId === current.carriedFrom)
    : undefined;
  const threads = concluded ? [] : threadsInto(stage, session.cards);

  /** The card in play set aside (pinned, skipped, done): its buttons are gone, so the keyboard goes to the next draw. */
  function setAside(drawId: string, state: 'pinned' | 'skipped' | 'done', message: string) {
    focusAfter(change('sessions.cardState', { reviewId, drawId, state }, message), () => drawButton.current);
  }
  /** A card brought into play: the keyboard goes to it. */
  function bringIntoPlay(done: Promise<boolean>) {
    focusAfter(done, () => cardHeading.current);
  }

  return (
    <section aria-labelledby="cards-heading" className="subpanel">
      <h3 id="cards-heading">Cards for {stageLabels[stage]}</h3>
      {!concluded && (
        <>
          <div className="toolbar">
            <button
              type="button"
              className="button"
              ref={drawButton}
              onClick={() => void change('sessions.draw', { reviewId, allowRepeats })}
            >
              Draw a card
            </button>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allowRepeats}
                onChange={(event) => setAllowRepeats(event.target.checked)}
              />
              Allow cards already drawn
            </label>
          </div>
          <div className="choose-card">
            <Field label="Or choose a card">
              {(control) => (
                <select {...control} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                  <option value="">Choose a card</option>
                  {forStage.map((card) => (
                    <option key={card.id} value={card.id}>
                      {card.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button button--secondary"
              disabled={!chosen}
              onClick={() =>
                bringIntoPlay(
                  change('sessions.draw', { reviewId, cardId: chosen }).then((ok) => {
                    if (ok) setChosen('');
                    return ok;
                  }),
                )
              }
            >
              Use this card
            </button>
          </div>
        </>
      )}
      {threads.length > 0 && (
        <div className="threads">
          <h4 id="threads-heading">Carry a card on from an earlier stage</h4>
          <ul aria-labelledby="threads-heading">
            {threads.map((drawn) => (
              <li key={drawn.drawId}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    bringIntoPlay(
                      change(
                        'sessions.carry',
                        { reviewId, drawId: drawn.drawId },
                        `Card carried on from ${stageLabels[drawn.stage]}.`,
                      ),
                    )
                  }
                >
                  Carry on: {titleOf(drawn)}
                </button>{' '}
                <span className="tag">from {stageLabels[drawn.stage]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SessionNotice place="card" />

      {current && currentCard ? (
        <article className="prompt-card" aria-labelledby="current-card-title">
          <p className="prompt-card__kicker">
            Card in play{carriedFrom ? `, carried on from ${stageLabels[carriedFrom.stage]}` : ''}
          </p>
          <h4 id="current-card-title" tabIndex={-1} ref={cardHeading}>
            {currentCard.title}
          </h4>
          {currentCard.paper && (
            <figure className="prompt-card__paper">
              {currentCard.paper.kind === 'quotation' ? (
                <blockquote>{currentCard.paper.text}</blockquote>
              ) : (
                <p>{currentCard.paper.text}</p>
              )}
              <figcaption>
                {currentCard.paper.kind === 'quotation' ? 'From the paper' : 'After the paper'}:{' '}
                {currentCard.paper.section}
                {currentCard.paper.page ? `, page ${currentCard.paper.page}` : ''}
              </figcaption>
            </figure>
          )}
          <ul className="prompt-card__questions">
            {questionsFor(currentCard, stage, !!carriedFrom).map((question) => (
              <li key={question.text}>
                {question.followUp && <span className="prompt-card__lens">Following on: </span>}
                {question.lens && <span className="prompt-card__lens">{LENS_LABELS[question.lens]}: </span>}
                {question.text}
              </li>
            ))}
          </ul>
          {!concluded && (
            <div className="toolbar">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAside(current.drawId, 'pinned', 'Card pinned.')}
              >
                Pin
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAside(current.drawId, 'skipped', 'Card skipped.')}
              >
                Skip
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAside(current.drawId, 'done', 'Card done.')}
              >
                Done with this card
              </button>
            </div>
          )}
        </article>
      ) : (
        <p className="empty-state">
          {concluded ? 'No card in play.' : 'No card in play. Draw one, or choose one from the list.'}
        </p>
      )}

      {drawnHere.length > 0 && (
        <>
          <h4>Drawn in {stageLabels[stage]}</h4>
          <ul className="drawn-cards">
            {drawnHere.map((drawn) => (
              <li key={drawn.drawId}>
                {titleOf(drawn)} <span className="tag">{stateLabels[drawn.state]}</span>
                {drawn.state !== 'current' && !concluded && (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() =>
                      bringIntoPlay(change('sessions.cardState', { reviewId, drawId: drawn.drawId, state: 'current' }))
                    }
                  >
                    Go back to this card<span className="visually-hidden">: {titleOf(drawn)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The cards a thread can carry on into this stage: the latest draw of each card from an earlier
 * stage, unless that card is already drawn here. Threads run into Dream, Design and Deliver.
 */
function threadsInto(stage: Stage, drawn: readonly DrawnCard[]): DrawnCard[] {
  if (!(FOLLOW_UP_PHASES as readonly string[]).includes(stage)) return [];
  const here = new Set(drawn.filter((draw) => draw.stage === stage).map((draw) => draw.cardId));
  const latest = new Map<string, DrawnCard>();
  for (const draw of drawn) {
    if (isCardStage(draw.stage) && stages.indexOf(draw.stage) < stages.indexOf(stage) && !here.has(draw.cardId))
      latest.set(draw.cardId, draw);
  }
  return [...latest.values()];
}

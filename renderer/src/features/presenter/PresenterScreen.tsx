import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { PHASE_DESCRIPTIONS } from '@shared/deck/schema';
import { currentDraw as drawInPlay, isCardStage, sideLabels, stageLabels, type Stage } from '@shared/domain/sessions';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { reviewName } from '@renderer/ui/reviewName';
import { PresenterCard } from './PresenterCard';
import { PresenterRatings } from './PresenterRatings';
import { PresenterTimer } from './PresenterTimer';
import './presenter.css';

/** What each stage is for, said to the room when there is no card to show. */
const stagePurposes: Record<Stage, string> = {
  ...PHASE_DESCRIPTIONS,
  checkin: 'Each side rates the relationship privately; both ratings are shown together.',
  matters: 'Where the actions from the last review stand now.',
  close: 'Agree what happens next, and when we meet again.',
};

interface Shown {
  stage: string;
  card: string | null;
  turn: string;
}

/** What changed, in a few words for a screen reader: the stage, the card, whose turn. */
function describeChange(before: Shown, after: Shown): string {
  const parts: string[] = [];
  if (before.stage !== after.stage) parts.push(`Stage: ${after.stage}.`);
  if (before.card !== after.card) parts.push(after.card ? `Card: ${after.card}.` : 'No card.');
  if (before.turn !== after.turn) parts.push(`${after.turn}.`);
  return parts.join(' ');
}

/**
 * What the page's one live region says: changes of stage, card and turn (never the first read:
 * the page itself says all that), and the moment the time is up.
 */
function useAnnouncement(shown: Shown | null): { announcement: string; announceTimeUp: () => void } {
  const previous = useRef<Shown | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const key = shown && `${shown.stage}|${shown.card ?? ''}|${shown.turn}`;
  useEffect(() => {
    if (!shown) return;
    if (previous.current) {
      const change = describeChange(previous.current, shown);
      if (change) setAnnouncement(change);
    }
    previous.current = shown;
    // `key` stands for `shown`, which is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const announceTimeUp = useCallback(() => setAnnouncement('Time is up.'), []);
  return { announcement, announceTimeUp };
}

/**
 * Fits what is shown to the window, never cut off at its foot: the card's (or the stage's) type is
 * drawn smaller, by the custom property --fit, until the page no longer scrolls. Measured again
 * when what is shown changes, when the window is resized and once the fonts are in.
 */
function useFitToWindow(main: RefObject<HTMLElement | null>, shown: string) {
  useLayoutEffect(() => {
    const element = main.current;
    if (!element) return;
    const page = document.documentElement;
    function fit() {
      if (!element) return;
      let scale = 1;
      element.style.setProperty('--fit', '1');
      for (let step = 0; step < 12 && page.scrollHeight > window.innerHeight && scale > 0.4; step++) {
        scale = Math.max(0.4, scale * Math.min(0.95, window.innerHeight / page.scrollHeight));
        element.style.setProperty('--fit', scale.toFixed(3));
      }
    }
    fit();
    window.addEventListener('resize', fit);
    void document.fonts?.ready.then(fit);
    return () => window.removeEventListener('resize', fit);
  }, [main, shown]);
}

/**
 * The presenter view, for a second screen facing the room: the stage, its timer, whose turn it
 * is and the current card, in large type. It follows the facilitator's screen live.
 */
export function PresenterScreen({ reviewId }: { reviewId: string }) {
  const review = useApiQuery('reviews.get', { id: reviewId });
  // The same query as the facilitator's screen: it is read again when the facilitator changes the
  // review's state (stage, timer, cards, turn), not for notes being typed.
  const read = useApiQuery('sessions.get', { reviewId });
  const session = read.data ?? null;
  const error = failureOf(read);
  const cardStage = session !== null && isCardStage(session.stage);
  const currentDraw = cardStage ? (drawInPlay(session) ?? null) : null;
  // The card's words as drawn; the deck is asked only for a card drawn before cards were kept.
  const cardRef = { deckId: session?.deckId ?? '', cardId: currentDraw?.cardId ?? '' };
  const asked = useApiQuery('cards.get', cardRef, {
    enabled: Boolean(cardRef.deckId && cardRef.cardId && !currentDraw?.card),
  }).data;
  const card = currentDraw?.card ?? asked ?? null;
  const cardReady = !currentDraw || card !== null;

  const title = review.data ? reviewName(review.data) : 'Presenter view';
  useEffect(() => {
    document.title = `${title} – presenter – Relational Review`;
  }, [title]);

  const turn = session ? `${sideLabels[session.turn]}’s turn` : '';
  const { announcement, announceTimeUp } = useAnnouncement(
    session && cardReady ? { stage: stageLabels[session.stage], card: card?.title ?? null, turn } : null,
  );
  const main = useRef<HTMLElement>(null);
  useFitToWindow(
    main,
    JSON.stringify([session?.stage, card?.id, session?.checkin, session?.affirmativeTopic, error, turn]),
  );

  return (
    <div className="presenter">
      <main id="main" className="presenter__main" ref={main}>
        <h1 className="presenter__title">{title}</h1>
        {!session ? (
          <p className={error ? 'presenter__error' : 'presenter__loading'}>
            {error ?? failureOf(review) ?? 'Loading the review…'}
          </p>
        ) : (
          <>
            <section className="presenter-status" aria-label="Where the review is">
              <div>
                <p className="presenter-label">Stage</p>
                <p className="presenter-status__stage">{stageLabels[session.stage]}</p>
                <p className="presenter-status__turn">{turn}</p>
              </div>
              <PresenterTimer timer={session.timer} readAt={read.dataUpdatedAt} onTimeUp={announceTimeUp} />
            </section>
            {currentDraw ? (
              card && <PresenterCard card={card} stage={session.stage} carried={!!currentDraw.carriedFrom} />
            ) : (
              <section className="presenter-topic" aria-label={`${stageLabels[session.stage]}: what it is for`}>
                <p className="presenter-topic__purpose">{stagePurposes[session.stage]}</p>
                {session.stage === 'checkin' && <PresenterRatings checkin={session.checkin} />}
                {session.affirmativeTopic && (
                  <>
                    <h2 className="presenter-label presenter-topic__title">Our affirmative topic</h2>
                    <p className="presenter-topic__text">{session.affirmativeTopic}</p>
                  </>
                )}
              </section>
            )}
            {error && <p className="presenter__error">{error}</p>}
          </>
        )}
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      </main>
    </div>
  );
}

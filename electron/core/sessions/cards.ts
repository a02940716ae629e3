import { randomInt, randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { isCardStage, stageLabels } from '@shared/domain/sessions';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from './context';
import { changeSession } from './review-state';

/**
 * Draws a card for the current stage: the one chosen, or one at random among the deck's cards for
 * the stage that this review has not drawn yet (unless repeats are asked for). The card before it
 * is done with, unless it was pinned.
 */
export function drawCard(context: SessionContext, input: ParsedInput<'sessions.draw'>): { cardId: string } {
  return changeSession(context, input.reviewId, 'state', (review) => {
    const deck = context.decks.get(review.deckId ?? context.decks.builtInId);
    let cardId = input.cardId;
    if (cardId) {
      if (!deck.cards.some((card) => card.id === cardId))
        throw new ApiError('not_found', 'That card is not in this review’s deck.');
    } else {
      const stage = review.stage;
      if (!isCardStage(stage)) {
        throw new ApiError(
          'conflict',
          `Cards are drawn in Define, Discover, Dream, Design and Deliver, not in ${stageLabels[stage]}. Choose a card instead.`,
        );
      }
      const drawn = new Set(
        context.db
          .all<{ card_id: string }>(sql`SELECT card_id FROM review_cards WHERE review_id = ${review.id}`)
          .map((row) => row.card_id),
      );
      const candidates = deck.cards.filter(
        (card) => card.phases.includes(stage) && (input.allowRepeats || !drawn.has(card.id)),
      );
      if (candidates.length === 0) {
        throw new ApiError(
          'conflict',
          `Every card for ${stageLabels[stage]} has been drawn in this review. Choose a card, or allow repeats.`,
        );
      }
      cardId = candidates[randomInt(candidates.length)]!.id;
    }
    context.db.run(sql`UPDATE review_cards SET state = 'done' WHERE review_id = ${review.id} AND state = 'current'`);
    context.db.run(sql`
      INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at)
      VALUES (${randomUUID()}, ${review.id}, ${cardId}, ${review.stage}, 'current', ${isoNow(context.clock)})`);
    return { cardId };
  });
}

/** Pin, skip, finish, or go back to a card drawn earlier (it becomes the current card again). */
export function setCardState(context: SessionContext, input: ParsedInput<'sessions.cardState'>): void {
  changeSession(context, input.reviewId, 'state', (review) => {
    const exists = context.db.get(
      sql`SELECT 1 FROM review_cards WHERE id = ${input.drawId} AND review_id = ${review.id}`,
    );
    if (!exists) throw new ApiError('not_found', 'That card was not drawn in this review.');
    if (input.state === 'current') {
      context.db.run(sql`UPDATE review_cards SET state = 'done' WHERE review_id = ${review.id} AND state = 'current'`);
    }
    context.db.run(sql`UPDATE review_cards SET state = ${input.state} WHERE id = ${input.drawId}`);
  });
}

import { randomInt, randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { isCardStage, stageLabels, stages, type Stage } from '@shared/domain/sessions';
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
    const card = deck.cards.find((candidate) => candidate.id === cardId)!;
    context.db.run(sql`UPDATE review_cards SET state = 'done' WHERE review_id = ${review.id} AND state = 'current'`);
    context.db.run(sql`
      INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at, card)
      VALUES (${randomUUID()}, ${review.id}, ${cardId}, ${review.stage}, 'current', ${isoNow(context.clock)}, ${JSON.stringify(card)})`);
    return { cardId };
  });
}

/**
 * Carries a card drawn in an earlier stage on into this one (a thread): drawn again here, it asks
 * the follow-up questions written for it. Carrying the same draw on twice into a stage goes back
 * to it instead.
 */
export function carryCard(context: SessionContext, input: ParsedInput<'sessions.carry'>): void {
  changeSession(context, input.reviewId, 'state', (review) => {
    const from = context.db.get<{ card_id: string; stage: Stage; card: string | null }>(
      sql`SELECT card_id, stage, card FROM review_cards WHERE id = ${input.drawId} AND review_id = ${review.id}`,
    );
    if (!from) throw new ApiError('not_found', 'That card was not drawn in this review.');
    const stage = review.stage;
    if (!isCardStage(stage) || stages.indexOf(from.stage) >= stages.indexOf(stage)) {
      throw new ApiError(
        'conflict',
        `A card is carried on into a later stage than the one it was drawn in; this one was drawn in ${stageLabels[from.stage]}.`,
      );
    }
    const already = context.db.get<{ id: string }>(sql`
      SELECT id FROM review_cards WHERE review_id = ${review.id} AND stage = ${stage} AND carried_from = ${input.drawId}`);
    context.db.run(sql`UPDATE review_cards SET state = 'done' WHERE review_id = ${review.id} AND state = 'current'`);
    if (already) {
      context.db.run(sql`UPDATE review_cards SET state = 'current' WHERE id = ${already.id}`);
      return;
    }
    context.db.run(sql`
      INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at, carried_from, card)
      VALUES (${randomUUID()}, ${review.id}, ${from.card_id}, ${stage}, 'current', ${isoNow(context.clock)}, ${input.drawId}, ${from.card})`);
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

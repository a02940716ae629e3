import type { Handlers } from '../router';
import type { ServiceContext } from '../context';
import type { deckMethods } from '../../../shared/deck/contract';

/** Handlers for the deck's methods, merged into the router in core.ts. */
export function deckHandlers(_context: ServiceContext): Pick<Handlers, keyof typeof deckMethods> {
  return {};
}

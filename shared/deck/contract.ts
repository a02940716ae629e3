/** The deck's API methods (deck.*), merged into the one contract in shared/api/contract.ts. */
export const deckMethods = {};

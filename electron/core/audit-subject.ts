/** The record a change is about, from its input: ids only, never what was typed. */
export function subjectOf(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '';
  const fields = input as Record<string, unknown>;
  for (const key of [
    'id',
    'minutesId',
    'noteId',
    'actionId',
    'participantId',
    'drawId',
    'cardId',
    'deckId',
    'reviewId',
    'visitId',
  ]) {
    if (typeof fields[key] === 'string') return fields[key];
  }
  return '';
}

/** The facilitator's keys, used when the cursor is not in a text box (Escape leaves one). */
export const shortcuts = [
  { key: 'd', what: 'Draw a card' },
  { key: ']', what: 'Next stage' },
  { key: '[', what: 'Previous stage' },
  { key: 't', what: 'Start or pause the timer' },
  { key: 'c', what: 'Add a note for the commissioner' },
  { key: 'p', what: 'Add a note for the provider' },
  { key: 'f', what: 'Add a facilitator’s note' },
  { key: '?', what: 'Show these shortcuts' },
] as const;

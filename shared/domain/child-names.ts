import forenameList from '../../resources/names/forenames.json';

const forenames = new Set<string>(forenameList);

/**
 * Words that are names but, starting a sentence, are far more often ordinary English: only there
 * are they passed over.
 */
const commonWords = new Set([
  'Will', 'May', 'Mark', 'Bill', 'Art', 'Hope', 'Chance', 'Major', 'Young', 'Page', 'Miles', 'Guy', 'Pat',
  'Rich', 'Frank', 'Grant', 'Dean', 'Joy', 'Faith', 'June', 'August', 'April', 'Summer', 'Autumn', 'Dawn',
  'Sky', 'Star', 'River', 'Angel', 'King', 'Prince', 'Royal', 'Golden', 'Hunter', 'Price', 'Bishop', 'Cash',
  'Early', 'Unique', 'Lane', 'Else', 'Ever', 'Said', 'Nothing', 'Money',
]); // prettier-ignore

/** Months that are also names: within a date (3 June, June 2026) they are the month. */
const months = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']); // prettier-ignore

function inDate(text: string, index: number, word: string): boolean {
  if (!months.has(word)) return false;
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + word.length, index + word.length + 12);
  return /\d{1,2}(?:st|nd|rd|th)?\s+$/.test(before) || /^\s+\d{1,4}(?!\d)/.test(after);
}

/**
 * The words of a text that are capitalised forenames from a list of common UK first names (a few
 * common words only within a sentence, months only outside a date): words that may be a child's
 * name. A prompt, never proof.
 */
export function capitalisedForenames(text: string): string[] {
  return capitalisedForenameMatches(text).map((match) => match.word);
}

/** As capitalisedForenames, with where each word starts in the text. */
export function capitalisedForenameMatches(text: string): { word: string; index: number }[] {
  const found: { word: string; index: number }[] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (!forenames.has(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before === '' || /[.!?:;“"(\n-]$/.test(before);
    if (startsSentence && commonWords.has(word)) continue;
    if (inDate(text, match.index, word)) continue;
    found.push({ word, index: match.index });
  }
  return found;
}

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

/**
 * The words of a text that are capitalised forenames from a list of common UK first names (a few
 * common words only within a sentence): words that may be a child's name. A prompt, never proof.
 */
export function capitalisedForenames(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (!forenames.has(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before === '' || /[.!?:;“"(\n-]$/.test(before);
    if (startsSentence && commonWords.has(word)) continue;
    found.push(word);
  }
  return found;
}

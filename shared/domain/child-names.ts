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
function capitalisedForenameMatches(text: string): { word: string; index: number }[] {
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

/** The adults (and organisations) a text may name without a word of it being taken for a child's name. */
export interface NamedAdults {
  /** Those present, who may be named by their forename alone. */
  present?: readonly string[];
  /** Other adults of the same record, by their whole name only. */
  others?: readonly string[];
  /** Organisations and homes, by their whole name only. */
  organisations?: readonly string[];
}

const titles = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Cllr', 'Rev', 'Sir', 'Dame', 'Lord', 'Lady'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spaced = (words: string[]) => words.map(escape).join('\\s+');

/**
 * How an adult may be written, as patterns: their whole name, with or without a title, and a
 * title with their surname; for someone present, their forename too. A name of one word is only
 * a forename, so it counts only for someone present. An organisation or a home, by its whole name.
 */
function namePatterns(name: string, who: 'present' | 'other' | 'organisation'): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = who === 'organisation' ? 0 : words.findIndex((word) => !titles.includes(word.replace(/\.$/, '')));
  if (first === -1 || first >= words.length) return [];
  const untitled = words.slice(first);
  const patterns: string[] = [];
  if (untitled.length >= 2) patterns.push(spaced(words), spaced(untitled));
  if (untitled.length >= 2 && who !== 'organisation')
    patterns.push(`(?:${titles.join('|')})\\.?\\s+${escape(untitled[untitled.length - 1]!)}`);
  if (who === 'present') patterns.push(escape(untitled[0]!));
  return patterns;
}

/** Where a text names the adults and organisations given, found whole (never inside a longer word). */
export function namedAdultsPattern({ present = [], others = [], organisations = [] }: NamedAdults): RegExp | null {
  const patterns = [
    ...present.flatMap((name) => namePatterns(name, 'present')),
    ...others.flatMap((name) => namePatterns(name, 'other')),
    ...organisations.flatMap((name) => namePatterns(name, 'organisation')),
  ];
  if (patterns.length === 0) return null;
  // Longest first, so that a whole name is taken before a forename within it.
  const unique = [...new Set(patterns)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The words of a text that may be a child's first name (capitalised forenames from the bundled
 * list), leaving out where it names the adults of the record (namedAdultsPattern): a child may
 * share a first name with any adult, so only those of this record, written as they are, are
 * passed over. A prompt, never proof.
 */
export function possibleChildNamesIn(text: string, adults: RegExp | null): string[] {
  const adultsHere = adults ? [...text.matchAll(adults)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  return capitalisedForenameMatches(text)
    .filter(({ index }) => !adultsHere.some(([start, end]) => index >= start && index < end))
    .map(({ word }) => word);
}

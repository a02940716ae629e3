import type { MinutesContent, PossibleName } from '@shared/domain/minutes';
import { namedAdultsPattern, possibleChildNamesIn } from '@shared/domain/child-names';
import { stageLabels } from '@shared/domain/sessions';

/**
 * The fields of the minutes that are not read for a child's name, by path ('*' for any item): the
 * names of the adults the minutes list and of the organisations and homes, the app's own words
 * (card titles, the check-in's features) and the values it checks (ids, dates, a fingerprint).
 * Every other string in the content is read, so a field added to the minutes is read too until it
 * is named here.
 */
export const fieldsNotScanned: readonly string[] = [
  'present.*.name',
  'present.*.organisation',
  'apologies.*.name',
  'apologies.*.organisation',
  'subject.commissioner',
  'subject.provider',
  'subject.home.name',
  'visits.*.home',
  'visits.*.visitors.*',
  'stages.*.cards.*.title',
  'stages.*.notes.*.card.title',
  'disagreements.*.card.title',
  'checkin.*.feature',
  'reviewId',
  'amends.fingerprint',
  'subject.home.ofstedUrn',
  'stages.*.cards.*.id',
  'stages.*.notes.*.card.id',
  'disagreements.*.card.id',
  'scheduledFor',
  'mattersArising.*.dueDate',
  'stages.*.notes.*.fromVisit.visitedAt',
  'visits.*.visitedAt',
  'actions.*.dueDate',
  'nextReviewDate',
];
const notScanned = new Set(fieldsNotScanned);

type Where = string | ((stage: string) => string);

/** Where a word was found, said as the person sealing would look for it. */
const whereOf: Record<string, Where> = {
  title: 'the title',
  'subject.childReference': 'the child’s reference',
  place: 'the place',
  'present.*.role': 'the role of someone present',
  'apologies.*.role': 'the role of someone who sent apologies',
  apologiesNote: 'the apologies',
  purpose: 'the purpose',
  affirmativeTopic: 'the affirmative topic',
  summary: 'the summary',
  'mattersArising.*.text': 'matters arising',
  'mattersArising.*.reason': 'matters arising',
  'mattersArising.*.owner': 'the owner of a matter arising',
  'mattersArising.*.fromReview': 'the review a matter arising came from',
  'checkin.*.commissioner.word': 'a word in the check-in',
  'checkin.*.provider.word': 'a word in the check-in',
  'stages.*.summary': (stage) => `the words for ${stage}`,
  'stages.*.notes.*.text': (stage) => `a note in ${stage}`,
  'stages.*.notes.*.source': (stage) => `the source of a note in ${stage}`,
  'concerns.*.text': 'a concern',
  'concerns.*.noActionReason': 'a concern',
  'concerns.*.actions.*': 'an action on a concern',
  'visits.*.purpose': 'the purpose of a visit',
  'disagreements.*.subject': 'an agreed disagreement',
  'disagreements.*.commissionerView': 'the commissioner’s view in a disagreement',
  'disagreements.*.providerView': 'the provider’s view in a disagreement',
  'actions.*.text': 'an action',
  'actions.*.owner': 'the owner of an action',
};

type Path = (string | number)[];

/** Every string in a value, with its path. */
function* stringsIn(value: unknown, path: Path = []): Generator<[Path, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsIn(item, [...path, index]);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}

/** A field's path with its items' numbers as '*': 'stages.2.notes.0.text' is 'stages.*.notes.*.text'. */
export const fieldOf = (path: Path): string => path.map((part) => (typeof part === 'number' ? '*' : part)).join('.');

/** Where a text of these minutes names the adults of this review, the organisations or the home. */
function adultsPattern(content: MinutesContent, adults: readonly string[]): RegExp | null {
  const people = [...content.present, ...content.apologies];
  return namedAdultsPattern({
    present: content.present.map((person) => person.name),
    others: [
      ...content.apologies.map((person) => person.name),
      ...adults,
      ...(content.visits ?? []).flatMap((visit) => visit.visitors),
    ],
    organisations: [
      ...people.map((person) => person.organisation),
      ...(content.visits ?? []).map((visit) => visit.home),
      content.subject.commissioner,
      content.subject.provider,
      content.subject.home?.name ?? '',
    ],
  });
}

/**
 * Words in the minutes that may be a child's first name: capitalised words from a list of common
 * UK forenames, in any words the minutes hold but the names of adults, organisations and homes
 * and the app's own words (fieldsNotScanned). The adults of this review are not flagged where
 * named in full (those present, who sent apologies, who visited, and `adults`: who signed and the
 * people who own actions), nor those present by their forename; an adult elsewhere in the case
 * book hides no word, since a child may share a first name with any adult. A prompt, not a
 * refusal: a person confirms before sealing that none of them is a child's name.
 */
export function possibleChildNames(content: MinutesContent, adults: readonly string[] = []): PossibleName[] {
  const named = adultsPattern(content, adults);
  const byWord = new Map<string, Set<string>>();
  for (const [path, text] of stringsIn(content)) {
    const field = fieldOf(path);
    if (notScanned.has(field)) continue;
    const where = whereOf[field] ?? 'the minutes';
    const place =
      typeof where === 'string' ? where : where(stageLabels[content.stages[path[1] as number]!.stage] ?? '');
    for (const word of possibleChildNamesIn(text, named)) byWord.set(word, (byWord.get(word) ?? new Set()).add(place));
  }
  return [...byWord].map(([word, where]) => ({ word, where: [...where] }));
}

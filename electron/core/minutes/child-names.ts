import type { MinutesContent, PossibleName } from '@shared/domain/minutes';
import { capitalisedForenames } from '@shared/domain/child-names';
import { stageLabels } from '@shared/domain/sessions';

/**
 * Words in the minutes that may be a child's first name: capitalised words from a list of common
 * UK forenames, in the words the room or the editors wrote. The adults the minutes name (who was
 * there, sent apologies or signed) and the organisations and home are left out. A prompt, not a
 * refusal: a person confirms before sealing that none of them is a child's name.
 */
export function possibleChildNames(content: MinutesContent, signers: readonly string[] = []): PossibleName[] {
  const adults = new Set(
    [
      ...content.present.map((p) => p.name),
      ...content.apologies.map((p) => p.name),
      ...signers,
      content.subject.commissioner,
      content.subject.provider,
      content.subject.home?.name ?? '',
    ].flatMap((name) => name.match(/\p{L}+/gu) ?? []),
  );
  const places: [string, string][] = [
    ['the summary', content.summary],
    ['the apologies', content.apologiesNote],
    ['the purpose', content.purpose],
    ['the affirmative topic', content.affirmativeTopic],
    ...content.mattersArising.flatMap((m): [string, string][] => [
      ['matters arising', m.text],
      ['matters arising', m.reason],
    ]),
    ...content.stages.flatMap((stage): [string, string][] => [
      [`the words for ${stageLabels[stage.stage]}`, stage.summary],
      ...stage.notes.flatMap((note): [string, string][] => [
        [`a note in ${stageLabels[stage.stage]}`, note.text],
        [`the source of a note in ${stageLabels[stage.stage]}`, note.source ?? ''],
      ]),
    ]),
    ...(content.visits ?? []).map((visit): [string, string] => ['the purpose of a visit', visit.purpose]),
    ...(content.disagreements ?? []).flatMap((disagreement): [string, string][] => [
      ['an agreed disagreement', disagreement.subject],
      ['the commissioner’s view in a disagreement', disagreement.commissionerView],
      ['the provider’s view in a disagreement', disagreement.providerView],
    ]),
    ...content.concerns.flatMap((concern): [string, string][] => [
      ['a concern', concern.text],
      ['a concern', concern.noActionReason ?? ''],
    ]),
    ...content.actions.map((action): [string, string] => ['an action', action.text]),
  ];
  const byWord = new Map<string, Set<string>>();
  for (const [where, text] of places) {
    for (const word of capitalisedForenames(text)) {
      if (adults.has(word)) continue;
      byWord.set(word, (byWord.get(word) ?? new Set()).add(where));
    }
  }
  return [...byWord].map(([word, where]) => ({ word, where: [...where] }));
}

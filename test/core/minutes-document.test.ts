// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { agreementStatement, minutesContentSchema, minutesFormat, type MinutesVersion } from '@shared/domain/minutes';
import { stages } from '@shared/domain/sessions';
import { versionRecord } from '@shared/minutes/version-record';
import { minutesHtml } from '@core/minutes/print';

const fingerprint = 'a'.repeat(64);
const hostile = '</style><h1 id="injected">Injected</h1><script>alert(1)</script> & “quotes” \'single\'';

/** Minutes with something in every field, every stage holding notes, and hostile text in a few places. */
function richMinutes(): MinutesVersion {
  return {
    id: 'm1',
    reviewId: 'r1',
    version: 2,
    status: 'locked',
    fingerprint,
    lockedAt: '2026-07-03T13:30:00.000Z',
    sealedAt: null,
    sealedBy: null,
    sealKey: null,
    countersignatures: [],
    awaiting: [],
    possibleNames: [],
    content: {
      format: minutesFormat,
      formatVersion: 2,
      reviewId: 'r1',
      version: 2,
      amends: { version: 1, fingerprint: 'b'.repeat(64) },
      title: 'Placement review: AB12 at Oakwood House',
      scope: 'placement',
      subject: {
        home: { name: 'Oakwood House', ofstedUrn: 'SC123456' },
        childReference: 'AB12',
        commissioner: 'Northshire County Council',
        provider: 'Brightwater Care Ltd',
      },
      scheduledFor: '2026-07-03T09:00:00.000Z',
      place: 'The kitchen at Oakwood House',
      present: [
        { name: 'Priya Shah', role: 'Registered manager', organisation: 'Brightwater Care Ltd', side: 'provider' },
      ],
      apologies: [],
      apologiesNote: 'Sam sent apologies by phone.',
      purpose: 'How the first year has gone',
      affirmativeTopic: 'Meals that bring the house together',
      summary: `A warm meeting.\n\nSecond paragraph ${hostile}`,
      mattersArising: [
        {
          text: 'Share the diary weekly',
          owner: 'The provider',
          dueDate: null,
          status: 'dropped',
          reason: 'The diary moved online',
          fromReview: 'Placement review, March',
        },
      ],
      checkin: [
        {
          feature: 'Pivotal, respectful relationships between senior staff',
          commissioner: { score: 4, word: 'warm' },
          provider: { score: 5, word: 'honest' },
        },
      ],
      stages: stages.map((stage) => ({
        stage,
        summary: ['discover', 'dream', 'design', 'deliver'].includes(stage) ? `Summary of ${stage}` : '',
        cards:
          stage === 'discover'
            ? [{ id: 'c1', title: 'Senior relationships', carriedFrom: null }]
            : stage === 'dream'
              ? [{ id: 'c1', title: 'Senior relationships', carriedFrom: 'discover' as const }]
              : [],
        notes: [
          { side: 'commissioner' as const, kind: 'story' as const, text: `Note taken in ${stage}`, card: null },
          ...(stage === 'discover'
            ? [
                {
                  side: 'provider' as const,
                  kind: 'evidence' as const,
                  text: 'School attendance is 96% this term',
                  card: { id: 'c1', title: 'Senior relationships' },
                  source: 'the termly school report',
                  fromVisit: { visitedAt: '2026-06-20T09:30:00.000Z', kind: 'independent' as const },
                },
              ]
            : []),
        ],
      })),
      concerns: [
        { text: 'Contact visits missed', side: 'provider', actions: [], noActionReason: 'The family moved away' },
        { text: hostile, side: 'commissioner', actions: ['Arrange a new venue'], noActionReason: null },
      ],
      visits: [
        {
          visitedAt: '2026-06-20T09:30:00.000Z',
          kind: 'independent',
          home: 'Oakwood House',
          visitors: ['Ann Visitor'],
          purpose: 'A Regulation 44 visit',
          notes: 3,
        },
      ],
      disagreements: [
        {
          stage: 'design',
          subject: 'Whether two staff on shift is enough at weekends',
          commissionerView: 'Two is what the contract funds.',
          providerView: 'Three are needed on Saturdays.',
          card: { id: 'c1', title: 'Senior relationships' },
        },
      ],
      actions: [{ text: 'Arrange a new venue', owner: 'The commissioner', dueDate: '2026-07-17' }],
      nextReviewDate: '2027-01-03',
    },
    signatures: [
      {
        id: 's1',
        side: 'commissioner',
        name: 'Sam Okoro',
        role: 'Commissioning officer',
        organisation: 'Northshire County Council',
        // Not a PNG from the pad: it must be named, never drawn or written into the markup.
        image: `data:text/html,"><h1 id="injected">x</h1>`,
        statement: agreementStatement,
        fingerprint,
        signedAt: '2026-07-03T13:40:00.000Z',
      },
    ],
    audit: [
      { at: '2026-07-03T13:00:00.000Z', action: 'minutes.saveProse', detail: {} },
      { at: '2026-07-03T13:05:00.000Z', action: 'minutes.saveProse', detail: {} },
      { at: '2026-07-03T13:10:00.000Z', action: 'minutes.locked', detail: { version: 2 } },
      { at: '2026-07-03T13:20:00.000Z', action: 'minutes.unlocked', detail: { signaturesRemoved: 0 } },
      { at: '2026-07-03T13:30:00.000Z', action: 'minutes.locked', detail: { version: 2 } },
      { at: '2026-07-03T13:40:00.000Z', action: 'minutes.signed', detail: { name: 'Sam Okoro', side: 'commissioner' } },
    ],
  };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every string the content holds that a reader should see (identifiers and format markers aside). */
function readableStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return [
      'format',
      'reviewId',
      'scope',
      'id',
      'stage',
      'carriedFrom',
      'side',
      'kind',
      'status',
      'scheduledFor',
      'visitedAt',
      'dueDate',
      'nextReviewDate',
    ].includes(key) || value === ''
      ? []
      : [value];
  if (Array.isArray(value)) return value.flatMap((item) => readableStrings(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([entryKey, entry]) => readableStrings(entry, entryKey));
  return [];
}

describe('the minutes document, as printed', () => {
  it('shows every readable thing the content holds, in the order of the meeting', () => {
    const minutes = richMinutes();
    const text = words(parse(minutesHtml(minutes)).body.textContent);
    for (const value of readableStrings(minutes.content)) {
      for (const paragraph of value.split(/\n\s*\n/)) expect(text, paragraph).toContain(words(paragraph));
    }
    const order = stages.map((stage) => text.indexOf(`Note taken in ${stage}`));
    expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]!))).toBe(true);
  });

  it('puts each note under the card it is about, with evidence’s source, threads, and agreed disagreements under their own heading', () => {
    const document = parse(minutesHtml(richMinutes()));
    const text = words(document.body.textContent);
    expect(text).toContain('Cards drawn: Senior relationships (carried on from Discover).');
    const inOrder = [
      'Cards drawn: Senior relationships.',
      'About the card “Senior relationships”:',
      'School attendance is 96% this term (Provider, evidence: seen, read or measured) Source: the termly school report.',
      'About no card in particular:',
      'Note taken in discover',
    ].map((part) => text.indexOf(part));
    expect(inOrder.every((position, index) => position >= 0 && (index === 0 || position > inOrder[index - 1]!))).toBe(
      true,
    );
    const headings = [...document.querySelectorAll('h2')].map((heading) => words(heading.textContent));
    expect(headings.indexOf('Agreed disagreements')).toBe(headings.indexOf('Concerns') + 1);
    expect(text).toContain('Source: the termly school report.');
    expect(text).toContain('From an independent visitor’s visit (Regulation 44) on 20 June 2026.');
    expect(words(document.querySelector('.minutes-doc__visits li')?.textContent)).toBe(
      '20 June 2026 at 10:30 BST: an independent visitor’s visit (Regulation 44) to Oakwood House, by Ann Visitor. A Regulation 44 visit (3 notes)',
    );
    const disagreement = words(document.querySelector('.minutes-doc__disagreements li')?.textContent);
    expect(disagreement).toBe(
      'Whether two staff on shift is enough at weekends (in Design, about the card “Senior relationships”)The commissioner’s view: Two is what the contract funds.The provider’s view: Three are needed on Saturdays.',
    );
  });

  it('reads minutes sealed before threads and disagreements existed just as they were', () => {
    const minutes = richMinutes();
    const { disagreements: _left, visits: _visits, ...older } = minutes.content;
    const version1 = {
      ...older,
      formatVersion: 1 as const,
      stages: older.stages.map((stage) => ({
        ...stage,
        cards: stage.cards.map(({ id, title }) => ({ id, title })),
        notes: stage.notes.map(({ side, kind, text }) => ({
          side,
          kind: kind === 'evidence' ? ('story' as const) : kind,
          text,
        })),
      })),
    };
    expect(minutesContentSchema.parse(version1)).toEqual(version1);
    const text = words(parse(minutesHtml({ ...minutes, content: version1 })).body.textContent);
    expect(text).not.toContain('Agreed disagreements');
    expect(text).not.toContain('About the card');
    expect(text).toContain('Cards drawn: Senior relationships.');
  });

  it('keeps hostile text as text: nothing injected, no script, and a stored image that is not a PNG is not drawn', () => {
    const html = minutesHtml(richMinutes());
    const document = parse(html);
    expect(document.getElementById('injected')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    // …and the page does not claim to show a drawing it left out.
    expect(document.body.textContent).toContain(
      'drawing their signature (the drawing is not a picture this app can show)',
    );
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.body.textContent).toContain('<h1 id="injected">Injected</h1>');
  });

  it('says things in plain words: times with their zone, no method names, no “by no date given”', () => {
    const minutes = richMinutes();
    const text = words(parse(minutesHtml(minutes)).body.textContent);
    expect(text).toContain('3 July 2026 at 10:00 BST, The kitchen at Oakwood House');
    expect(text).toContain('Dropped: The diary moved online');
    expect(text).toContain('No date set');
    expect(text).toContain('No action was agreed. The reason recorded: The family moved away');
    expect(text).toContain('4 (warm)');
    expect(text).toContain('5 (honest)');
    expect(text).toContain('Sam sent apologies by phone.');
    expect(text).not.toMatch(/None recorded|no date given|minutes\.(?!json)\w+|signature\(s\)/);
    expect(text).toContain('This version corrects version 1');
    expect(text).toContain('3 January 2027');
    expect(text).toContain('Sam Okoro, Commissioning officer, Northshire County Council, for the commissioner');
    expect(text).toContain('Signed on 3 July 2026 at 14:40 BST, drawing their signature');
  });

  it('tells the record of a version as events: edits once, each lock and unlock with its reason', () => {
    const record = versionRecord(richMinutes().audit).map((event) => event.words);
    expect(record).toEqual([
      'The words were edited (2 saves).',
      'Locked for signing: the words were fixed and their fingerprint taken.',
      'Unlocked to change the words; no one had signed yet.',
      'Locked again for signing, with the changed words and a new fingerprint.',
      'Signed by Sam Okoro for the commissioner.',
    ]);
    expect(
      versionRecord([
        { at: '2026-07-03T13:20:00.000Z', action: 'minutes.unlocked', detail: { signaturesRemoved: 2 } },
      ])[0]!.words,
    ).toBe(
      'Unlocked to change the words. The 2 signatures already given were removed, since they were given for the earlier words.',
    );
    expect(
      versionRecord([{ at: '2026-07-03T13:20:00.000Z', action: 'vault.something', detail: {} }])[0]!.words,
    ).not.toMatch(/vault/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_PHASES,
  FRAMEWORK_IDS,
  FRAMEWORKS,
  LENSES,
  PHASES,
  PHASE_LABELS,
  QUALITY_STANDARDS,
  parseDeckFile,
  type Card,
  type DeckFile,
  type DocumentId,
  type FrameworkId,
  type Phase,
  type Question,
} from '@shared/deck/schema';

// The built-in deck, checked against the paper. The paper is read from the fixture copies in
// test/fixtures/paper/, never from ../shared.

const root = path.resolve(__dirname, '../..');
const deckPath = path.join(root, 'resources/decks/relational-commissioning.deck.json');
const rawDeck: unknown = JSON.parse(fs.readFileSync(deckPath, 'utf8'));
const paperFile: Record<DocumentId, string> = {
  rethinking: 'rethinking-childrens-commissioning.txt',
  'maintaining-trust': 'maintaining-trust-and-relationships.txt',
};
const paperText = (document: DocumentId) =>
  fs.readFileSync(path.join(root, 'test/fixtures/paper', paperFile[document]), 'utf8');

/** The one normalisation used on both sides: quotes, dashes and whitespace. Nothing looser. */
const normalise = (text: string) =>
  text
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The rethinking paper's text file marks its pages like this: “1 of 22” at the top of page 1 and
 * “12 of 22” at the top of page 12; every other page break shows as a line that starts with a
 * single space straight after a line of text (what is left of the PDF's page break). We count
 * those breaks, and the test below checks the count against both markers and the total of 22.
 * “Maintaining trust and relationships” is a web page: it has no pages, so its cards give null.
 */
function pagedText(text: string): {
  normalised: string;
  pageAt: (offset: number) => number;
  pages: number;
  markers: [number, number][];
} {
  const lines = text.split('\n');
  let page = 1;
  let normalised = '';
  const pageOfChar: number[] = [];
  const markers: [number, number][] = [];
  lines.forEach((line, index) => {
    const marker = /^\s*(\d+) of (\d+)\s*$/.exec(line);
    const previous = index > 0 ? lines[index - 1]! : '';
    if (marker) {
      if (Number(marker[1]) === page + 1) page += 1;
      markers.push([Number(marker[1]), page]);
    } else if (/^ \S/.test(line) && previous.trim() !== '') {
      page += 1;
    }
    const part = normalise(line);
    if (!part) return;
    if (normalised) {
      normalised += ' ';
      pageOfChar.push(page);
    }
    normalised += part;
    for (let i = 0; i < part.length; i += 1) pageOfChar.push(page);
  });
  return { normalised, pageAt: (offset) => pageOfChar[offset] ?? 0, pages: page, markers };
}

const paper = {
  rethinking: pagedText(paperText('rethinking')),
  'maintaining-trust': pagedText(paperText('maintaining-trust')),
} satisfies Record<DocumentId, unknown>;

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const parsed = parseDeckFile(rawDeck);
const deck: DeckFile = parsed.ok ? parsed.deck : (undefined as never);
const cards: Card[] = parsed.ok ? deck.cards : [];
const label = (card: Card) => `${card.id} (“${card.title}”)`;

/**
 * How many cards each framework should have: the number of items the paper lists.
 * Pages are those of “Re:thinking Children’s Commissioning” (RCC); MT is “Maintaining trust and
 * relationships”. Where the paper lists a different number from what the issue expects, or gives
 * no number, the comment says so and the paper is followed.
 */
const EXPECTED_CARDS: Record<FrameworkId, number> = {
  // RCC p19–20, “Linking up all the various aspects - relational commissioning”: Cooperrider's
  // “particular set of assumptions”, numbered 1 to 6.
  'appreciative-enquiry': 6,
  // RCC p18–19, “The need for a measure of objective and subjective quality assessment”:
  // “identifying 13 Quality-of-care variables”, numbered 1) to 13).
  'berridge-brodie': 13,
  // RCC p14–15, “Commissioning as a parenting and child care activity”: “the 8 Pillars of
  // Parenting”. (The paper calls the fourth “Emotional compliance”; the card keeps that name.)
  'pillars-of-parenting': 8,
  // RCC p13–14, “Residential Child Care perspectives”: the foundations of What works in
  // Residential Child Care, 10 bullets (culture … staff involvement). The paper gives no number.
  'what-works': 10,
  // RCC p16, “Finding a way through …”: Watson's force field analysis, 4 enhancing factors
  // (“The factors were”) and 2 inhibiting factors (“Inhibiting factors included”); and, RCC
  // p15–16, the same section, three points Watson makes on standards: the real task, not too
  // abstract, and listening and communication as ‘2 prerequisites for care’ (see LISTS below).
  watson: 9,
  // RCC p21: Petrie and Wilson's definition, 6 elements separated by semicolons.
  'relational-commissioning': 6,
  // RCC p21: “So relational contracting requires”, 3 bullets (repeated in MT, “Relational commissioning”).
  'relational-contracting': 3,
  // RCC p21, “Conclusion”: “4 connected features for effective contractual relationships” (Sellick).
  sellick: 4,
  // RCC p22, “Conclusion” (and p2, executive summary; and MT): commissioning “to be transformed”,
  // 9 bullets, footnote 30 Harvey and Knight.
  'transforming-commissioning': 9,
  // RCC p13, “Financial and Standards perspectives”: “the 5 types of approach to defining quality
  // identified by Pfeffer and Coote” (MT: “5 types of defining quality”).
  'pfeffer-coote': 5,
  // RCC p6–7: “we might only include the first 5 stages” of Erikson.
  erikson: 5,
  // RCC p5: Rogers' statements, numbered 1 to 4.
  rogers: 4,
  // RCC p4, “Introduction”: to “unfreeze” we must appreciate 3 things (3 bullets).
  unfreeze: 3,
  // RCC p9, “Financial and Standards perspectives”: “the 3 E’s” and “the 4 C’s”: 3 + 4 items.
  'three-es-four-cs': 7,
  // RCC p3 (McMahon and Ward's matching principle) and p7 (Winnicott's potential space): 2 ideas.
  'matching-principle': 2,
  // Not a numbered list. RCC p7–8: Ainsworth's secure attachment (available, responsive,
  // helpful), Bowlby's loving care versus anxious children, Bowlby's active rejection and anger;
  // and MT's “secure base that enables creativity”: 4 distinct statements.
  'secure-base': 4,
  // RCC p11: “The consequences can be seen with 2 examples” (placement stability; NMS 5.7).
  consequences: 2,
  // RCC p12: planning for the optimum (80–85 per cent occupancy): one idea.
  'optimum-occupancy': 1,
  // RCC p18: Tagg's comparison of Toyota and General Motors: one story.
  'trust-toyota': 1,
  // RCC p22: Harvey and Green's definition of quality as transformation: one definition.
  'quality-as-transformation': 1,
  // MT: “Resentment, recrimination, rapprochement …, reconciliation, restorative practices,
  // reconceive, relational”: 7 steps.
  'resentment-to-relational': 7,
  // MT lists 3 of the National Occupational Standards for commissioners; RCC p10 quotes the
  // standard in full, which adds 2 more (monitor and review performance; innovation): 5.
  'occupational-standards': 5,
  // MT: “Two mirror examples” (budgets, savings or growth; the Friday afternoon placement).
  'mirror-examples': 2,
  // MT, lines the first edition left out, one card each: feeling powerless; created by both;
  // recognise or reduce complexity; order and panic; squeezed, crammed, compressed; an
  // environment of affirmation; the value of trust when gone; prescription; subsistence
  // (Maslow); ownership and federating. Not a list in the text.
  'maintaining-trust': 10,
  // RCC, lines the first edition left out, one card each: the commissioner who 'does not know
  // the child' (p8); IDeA's redistribution of power (p20); the Joint Planning and Commissioning
  // Framework (p20); 'Systems do not deliver, people do' (p17); desire (p4); the spirit of what
  // has been promised (Lyons and Mehta; Walsh, p21). Not a list in the paper. And the lists and
  // lines issue 14 found missing, one card an item (see LISTS below): the paper's primary-task
  // question and its two measures of success (p1); the five ways of enhancing the quality of life
  // (p8); the ten core elements of commissioning (p8–9); procurement, purchasing, contracting and
  // commissioning defined (p9); life space (p5); the five conditions for learning (p7); the
  // business writers' four helpful and three unhelpful practices (p21); Brownsword's
  // ‘contractual community of interest’ (p21): 6 + 36.
  'rethinking-further': 42,
  // Not from a list in the paper: the facilitator's cards (reframing, a concern; and the second
  // edition's group: opening round, ground rules, a stuck room, a hostile room, one side
  // dominating, repair, the child's voice, a paired interview, closing appreciation, last time's
  // actions; and the commissioner's view of the home, so that Discover asks the commissioner too).
  facilitation: 13,
};

/**
 * The lists the second edition adds, each item its own card, checked item by item against the
 * text: the words that open the list, then each item in the text's own words and order, with the
 * card that takes it. Where the text runs its items together in one sentence, each card quotes
 * the sentence and its title names the item.
 */
const LISTS: { name: string; framework: FrameworkId; opens: string; items: [id: string, item: string][] }[] = [
  {
    name: 'The primary task of the paper (RCC p1)',
    framework: 'rethinking-further',
    opens: 'The primary task of this paper is to start a discussion',
    items: [
      [
        'primary-task-question',
        'What is the definition of quality we are using in planning placements for children and is it related to the task of caring for /parenting them?',
      ],
    ],
  },
  {
    name: 'What would make the paper a success (RCC p1)',
    framework: 'rethinking-further',
    opens: 'NCERCC will consider this a successful initiative if there is',
    items: [
      ['primary-task-success-1-child-centredness', 'an observable introduction and development of child-centredness'],
      [
        'primary-task-success-2-collective-participative-development',
        'a recognition of the necessity for a collective participative development',
      ],
    ],
  },
  {
    name: 'Enhancing the quality of life (RCC p8)',
    framework: 'rethinking-further',
    opens: 'commissioning is about enhancing the quality of life of service users and their carers by:',
    items: [
      ['quality-of-life-1-vision-and-commitment', 'having the vision and commitment to improve services'],
      ['quality-of-life-2-needs-and-aspirations', 'connecting with the needs and aspirations of users and carers'],
      ['quality-of-life-3-best-use-of-resources', 'making the best use of all available resources'],
      ['quality-of-life-4-demand-and-supply', 'understanding demand and supply'],
      ['quality-of-life-5-financial-and-service-planning', 'linking financial planning and service planning'],
    ],
  },
  {
    name: 'Core Elements of Commissioning (RCC p8–9)',
    framework: 'rethinking-further',
    opens: 'we would find the following elements',
    items: [
      ['core-elements-1-common-values', 'a common set of values that respect and encompass the full diversity'],
      ['core-elements-2-needs-and-preferences', 'an understanding of the needs and preferences'],
      ['core-elements-3-mapping-existing-services', 'a comprehensive mapping of existing services'],
      ['core-elements-4-vision-of-local-needs', 'a vision of how local needs may be better met'],
      ['core-elements-5-strategic-framework-for-procuring', 'a strategic framework for procuring all services'],
      [
        'core-elements-6-finance-activity-outcomes',
        'a bringing together of all relevant data on finance, activity and outcomes',
      ],
      ['core-elements-7-ongoing-dialogue', 'an ongoing dialogue with service users and carers and service providers'],
      ['core-elements-8-implementing-service-changes', 'effective systems for implementing service changes'],
      ['core-elements-9-evidence-based-evaluation', 'an evidence-based approach which continuously evaluates services'],
      [
        'core-elements-10-alignment-with-health-and-social-care',
        'an improving alignment with the way that other health and social care services are commissioned',
      ],
    ],
  },
  {
    name: 'Terms which are not commissioning in themselves, and commissioning (RCC p9)',
    framework: 'rethinking-further',
    opens: 'Other terms used to describe commissioning but which are not commissioning in themselves include:',
    items: [
      ['terms-1-procurement', 'Procurement: sourcing, selection, securing services.'],
      ['terms-2-purchasing', 'Purchasing: buying services'],
      ['terms-3-contracting', 'Contracting: one specific part of the wider commissioning process'],
      ['terms-4-commissioning', 'Commissioning: the process of specifying, securing and monitoring services'],
    ],
  },
  {
    name: 'Life space (RCC p5)',
    framework: 'rethinking-further',
    opens: 'We construct our ‘life space,’',
    items: [['life-space', '‘life space’ is the deliberate and focused attempt to promote individual growth']],
  },
  {
    name: 'The conditions for learning (RCC p7)',
    framework: 'rethinking-further',
    opens: 'in order to promote learning there has to be an environment of emotional safety and trust',
    items: [
      ['learning-conditions-1-safe-and-accepted', 'we need to feel safe and accepted'],
      ['learning-conditions-2-internal-strength', 'to develop internal strength'],
      ['learning-conditions-3-capacity-to-symbolise', 'the capacity to symbolise'],
      ['learning-conditions-4-secure-and-able-to-explore', 'to feel secure and able to explore'],
      ['learning-conditions-5-sense-of-identity', 'to have an individual sense of identity'],
    ],
  },
  {
    name: 'Watson on standards (RCC p15–16)',
    framework: 'watson',
    opens: 'Watson takes the view that one needs to ensure that',
    items: [
      [
        'watson-standards-1-the-real-task',
        'Standards reflect the real task of enhancing quality in the life of children',
      ],
      ['watson-standards-2-not-too-abstract', 'the standards must not be too abstract'],
      ['watson-standards-3-listening-and-communication', '2 prerequisites for care are listening and communication'],
    ],
  },
  {
    name: 'The business writers: four practices helpful, three not (RCC p21)',
    framework: 'rethinking-further',
    opens: 'writers on good business administration too make clear that',
    items: [
      ['business-helpful-1-cooperation', 'developing cooperation'],
      ['business-helpful-2-good-will', 'good will'],
      ['business-helpful-3-flexibility', 'flexibility'],
      ['business-helpful-4-responsiveness', 'responsiveness are helpful'],
      [
        'business-unhelpful-1-self-interest-rivalry-opportunism',
        'the excessive use of self-interest, rivalry and opportunism',
      ],
      ['business-unhelpful-2-tight-contractual-controls', 'tight and restrictive contractual controls'],
      ['business-unhelpful-3-adversarial-practices', 'adversarial and disrespectful practices are not'],
    ],
  },
  {
    name: 'Brownsword on trust and contracting (RCC p21)',
    framework: 'rethinking-further',
    opens: 'Relational contracting is underpinned by interaction, negotiation, flexibility and mutual trust',
    items: [['brownsword-contractual-community-of-interest', 'the ‘contractual community of interest’']],
  },
];

/** The frameworks whose every card must ask its questions both ways (the matching principle). */
const BOTH_WAYS: FrameworkId[] = [
  'matching-principle',
  'secure-base',
  'erikson',
  'pillars-of-parenting',
  'berridge-brodie',
  'what-works',
];

/** Words that point back to talk earlier in the review, which a card drawn fresh cannot assume. */
const REFERS_BACK =
  /\b(that|those) (success|successes|learning|protection|conversations?|stories|story|examples?|strengths?|ideas?)\b|\bthe best of (those|these)\b|\b(what we heard|you described|you told us|we discussed|as we said)\b/i;

/** A question that would refer back to earlier talk when its card is drawn fresh (a follow-up may). */
const refersBackWhenFresh = (question: Question) => !question.followUp && REFERS_BACK.test(question.text);

/** Words with which a follow-up picks up what the room said about its card earlier in the review. */
const FOLLOWS_ON =
  /\b(earlier|Discover|again|we heard|we found|you told us|told us|we named|we said|we recorded|we reviewed|we agreed|we looked|we asked)\b/i;

const YES_NO_OPENERS =
  /^(is|are|am|do|does|did|can|could|will|would|should|has|have|had|was|were|shall|may|might|must)(n['’]t)?\b/i;
const AMERICAN_SPELLINGS =
  /\b(organiz\w*|recogniz\w*|realiz\w*|prioritiz\w*|minimiz\w*|emphasiz\w*|apologiz\w*|analyz\w*|behavior\w*|color\w*|center\w*|favorite\w*|honor\w*|labor\b|neighbor\w*|program\b|programs\b|judgment)\b/i;

describe('the built-in deck', () => {
  it('is valid against the deck schema', () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(deck.format).toBe('relational-review-deck');
    expect(deck.readOnly).toBe(true);
  });

  it('covers every framework the paper uses, with one card for each item the paper lists', () => {
    expect(Object.keys(EXPECTED_CARDS).sort()).toEqual([...FRAMEWORK_IDS].sort());
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    const counts = Object.fromEntries(
      FRAMEWORK_IDS.map((id) => [id, cards.filter((card) => card.framework === id).length]),
    );
    expect(counts).toEqual(EXPECTED_CARDS);
    expect(cards).toHaveLength(Object.values(EXPECTED_CARDS).reduce((a, b) => a + b, 0));
  });

  it('counts what the paper says it counts', () => {
    const rethinking = paper.rethinking.normalised;
    const mt = paper['maintaining-trust'].normalised;
    expect(rethinking).toContain('identifying 13 Quality-of-care variables');
    expect(rethinking).toContain('the 8 Pillars of Parenting');
    expect(rethinking).toContain('we might only include the first 5 stages');
    expect(rethinking).toContain('4 connected features for effective contractual relationships');
    expect(rethinking).toContain('the 5 types of approach to defining quality');
    expect(rethinking).toContain('The consequences can be seen with 2 examples');
    expect(mt).toContain('5 types of defining quality (Pfeffer and Coote)');
    expect(mt).toContain('Two mirror examples');
    // The numbered lists: Cooperrider 1 to 6, Berridge and Brodie 1) to 13), Rogers 1 to 4.
    expect(rethinking).toMatch(/6\. It is important to value differences/);
    expect(rethinking).toMatch(/13\) Relationships with external professionals/);
    expect(rethinking).toMatch(/4\. Learning is most effective/);
    // Lists the second edition adds: Watson's two prerequisites; NCERCC's two measures of success.
    expect(rethinking).toContain('2 prerequisites for care are listening and communication');
    expect(rethinking).toContain('NCERCC will consider this a successful initiative if there is');
  });

  it('has one card for each item of the lists the second edition adds, checked item by item against the text', () => {
    const problems: string[] = [];
    for (const list of LISTS) {
      const text = paper.rethinking.normalised;
      let at = text.indexOf(normalise(list.opens));
      if (at < 0) problems.push(`${list.name}: the text does not open the list with “${list.opens}”`);
      for (const [id, item] of list.items) {
        // Each item comes next in the text, within a page or so of the one before.
        const found = at < 0 ? -1 : text.indexOf(normalise(item), at);
        if (found < 0 || found - at > 1500) problems.push(`${list.name}: “${item}” is not the next item in the text`);
        else at = found;
        const card = cards.find((c) => c.id === id);
        if (!card) {
          problems.push(`${list.name}: no card ${id}`);
          continue;
        }
        if (card.framework !== list.framework) problems.push(`${label(card)}: belongs to ${list.framework}`);
        if (card.paper.document !== 'rethinking' || card.paper.kind !== 'quotation')
          problems.push(`${label(card)}: should quote “Re:thinking”`);
        if (!normalise(card.paper.text).includes(normalise(item)))
          problems.push(`${label(card)}: its quotation does not hold its item, “${item}”`);
      }
    }
    expect(problems).toEqual([]);
    // Each list's cards carry the same ids in the same order as the deck lists them.
    const ids = cards.map((card) => card.id);
    for (const list of LISTS) {
      const positions = list.items.map(([id]) => ids.indexOf(id));
      expect(positions, list.name).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('is the second edition, and keeps every card id the first edition had (reviews refer to cards by id)', () => {
    expect(deck.edition).toBe(2);
    const firstEdition = JSON.parse(
      fs.readFileSync(path.join(root, 'test/fixtures/deck/first-edition-card-ids.json'), 'utf8'),
    ) as string[];
    expect(firstEdition).toHaveLength(116);
    const ids = new Set(cards.map((card) => card.id));
    expect(firstEdition.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every card its own id', () => {
    const ids = (rawDeck as { cards: { id: string }[] }).cards.map((card) => card.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('reads the paper’s pages as the text file marks them', () => {
    expect(paper.rethinking.pages).toBe(22);
    expect(paper.rethinking.markers).toEqual([
      [1, 1],
      [12, 12],
    ]);
    expect(paper['maintaining-trust'].pages).toBe(1);
  });

  it('cites its source on every card: the document, a section heading as written, and the page', () => {
    const problems: string[] = [];
    for (const card of cards) {
      const { document, section, page } = card.paper;
      if (!paper[document].normalised.includes(normalise(section)))
        problems.push(`${label(card)}: section “${section}” is not a heading in the paper`);
      if (document === 'rethinking') {
        if (page === null || page < 1 || page > 22) problems.push(`${label(card)}: needs a page from 1 to 22`);
      } else if (page !== null) {
        problems.push(`${label(card)}: “Maintaining trust and relationships” has no pages; page should be null`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('quotes the paper word for word wherever a card says it quotes, on the page it gives', () => {
    const problems: string[] = [];
    for (const card of cards.filter((c) => c.paper.kind === 'quotation')) {
      const source = paper[card.paper.document];
      const at = occurrences(source.normalised, normalise(card.paper.text));
      if (at.length === 0) problems.push(`${label(card)}: not found word for word: ${card.paper.text}`);
      else if (
        card.paper.document === 'rethinking' &&
        !at.some((offset) => source.pageAt(offset) === card.paper.page)
      ) {
        problems.push(
          `${label(card)}: found on page ${at.map((o) => source.pageAt(o)).join(' or ')}, not ${card.paper.page}`,
        );
      }
    }
    expect(problems).toEqual([]);
    // Most cards quote rather than paraphrase.
    expect(cards.filter((c) => c.paper.kind === 'quotation').length).toBeGreaterThan(cards.length * 0.9);
  });

  it('quotes the paper word for word in its facilitator notes too, wherever a note uses ‘single quotation marks’', () => {
    // In a note, ‘…’ marks the paper's own words; “…” marks anything else, such as an example.
    // A quotation may hold a quotation (‘… ‘match’ …’), so each opening mark is tried against
    // every closing mark after it until one makes a passage found in either document.
    const inPaper = (text: string) => Object.values(paper).some((p) => p.normalised.includes(normalise(text)));
    const problems: string[] = [];
    for (const card of cards) {
      const note = card.facilitatorNote ?? '';
      for (let start = note.indexOf('‘'); start >= 0; start = note.indexOf('‘', start + 1)) {
        if (/\w/.test(note[start - 1] ?? '')) continue;
        const closings = [...note.matchAll(/’(?!\w)/g)].map((m) => m.index).filter((end) => end > start);
        if (!closings.some((end) => inPaper(note.slice(start + 1, end)))) {
          problems.push(`${label(card)}: ${note.slice(start, (closings[0] ?? note.length) + 1)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks open questions only: never one that can be answered yes or no', () => {
    // The check itself: these would be closed questions.
    for (const closedQuestion of ['Is the home stimulating?', 'Don’t you agree?', 'Could we meet monthly?']) {
      expect(YES_NO_OPENERS.test(closedQuestion)).toBe(true);
    }
    const closed: string[] = [];
    for (const card of cards) {
      for (const question of card.questions) {
        const sentences = question.text.split(/(?<=[.?!])\s+/);
        const asked = [sentences[0]!, ...sentences.filter((s) => s.endsWith('?'))];
        if (asked.some((sentence) => YES_NO_OPENERS.test(sentence.replace(/^[‘“'"(]/, ''))))
          closed.push(`${label(card)}: ${question.text}`);
      }
    }
    expect(closed).toEqual([]);
  });

  it('asks for commitments in the Deliver phase: what, who, by when, and how we will know', () => {
    const vague = cards.flatMap((card) =>
      card.questions
        .filter(
          (q) =>
            q.phase === 'deliver' &&
            !(
              /\b(what|which)\b/i.test(q.text) &&
              /\bwho\b/i.test(q.text) &&
              /\bby when\b/i.test(q.text) &&
              /\bhow will we know\b/i.test(q.text)
            ),
        )
        .map((q) => `${label(card)}: ${q.text}`),
    );
    expect(vague).toEqual([]);
  });

  it('names who holds the power in the Deliver phase, never “each of us” as if the two sides were equal', () => {
    const equal = cards.flatMap((card) =>
      card.questions
        .filter((q) => q.phase === 'deliver' && /\beach of us\b/i.test(q.text))
        .map((q) => `${label(card)}: ${q.text}`),
    );
    expect(equal).toEqual([]);
    const unnamed = cards
      .filter((card) => card.framework !== 'facilitation' && card.phases.includes('deliver'))
      .filter(
        (card) =>
          !card.questions.some(
            (q) => q.phase === 'deliver' && /\bcommissioner\b/.test(q.text) && /\bprovider\b/.test(q.text),
          ),
      )
      .map(label);
    expect(unnamed).toEqual([]);
  });

  it('names both sides in every Deliver question, where the texts place the responsibility on both', () => {
    // The texts hold that what happens between commissioner and provider is created by both: no
    // Deliver question on a card from the texts leaves one side out, or lets either side do it.
    const oneSided = cards
      .filter((card) => card.framework !== 'facilitation')
      .flatMap((card) =>
        card.questions
          .filter(
            (q) =>
              q.phase === 'deliver' &&
              (!/\bcommissioner\b/.test(q.text) ||
                !/\bprovider\b/.test(q.text) ||
                /\bwill the (commissioner|provider) or the (commissioner|provider)\b/.test(q.text)),
          )
          .map((q) => `${label(card)}: ${q.text}`),
      );
    expect(oneSided).toEqual([]);
  });

  it('asks the commissioner too about the child’s daily life in the home, in Discover', () => {
    // The provider sees the home every day; the commissioner must be able to answer as well, from
    // what they have seen, heard or read of a child's daily life.
    const providerOnly = cards
      .filter((card) => card.questions.some((q) => q.phase === 'discover' && q.lens === 'home'))
      .filter(
        (card) =>
          !card.questions.some((q) => q.phase === 'discover' && q.lens === 'home' && /\bcommissioner\b/i.test(q.text)),
      )
      .map(label);
    expect(providerOnly).toEqual([]);
  });

  it('asks its questions both ways, about the home and about the relationship, where the matching principle applies', () => {
    const bothWays = (card: Card) =>
      card.questions.some((q) => q.lens === 'home') && card.questions.some((q) => q.lens === 'relationship');
    const oneWay = cards.filter((card) => BOTH_WAYS.includes(card.framework) && !bothWays(card)).map(label);
    expect(oneWay).toEqual([]);
    // And across the deck: a good share of cards, not only those frameworks.
    expect(cards.filter(bothWays).length).toBeGreaterThanOrEqual(Math.ceil(cards.length * 0.9));
  });

  it('presents the frameworks the texts criticise as the texts present them, each quotation about its own item', () => {
    const problems: string[] = [];
    for (const card of cards.filter((c) => c.framework === 'three-es-four-cs')) {
      const item = /^(\w+)/.exec(card.title)![1]!.toLowerCase();
      if (!card.paper.text.toLowerCase().includes(item))
        problems.push(`${label(card)}: its quotation does not name ${item}`);
      if (!card.facilitatorNote?.includes('this apparent confusion concerning commissioning'))
        problems.push(`${label(card)}: its note does not say the paper calls this a confusion`);
    }
    for (const card of cards.filter((c) => c.framework === 'pfeffer-coote')) {
      if (!card.facilitatorNote?.includes('‘These are ideologies.’'))
        problems.push(`${label(card)}: its note does not say “Maintaining trust” calls these ideologies`);
    }
    expect(problems).toEqual([]);
    expect(paper['maintaining-trust'].normalised).toContain('5 types of defining quality (Pfeffer and Coote)');
    expect(paper['maintaining-trust'].normalised).toContain('These are ideologies.');
  });

  it('asks both ways, about the home and about the relationship, in every phase of every card that has a lens', () => {
    const lensed = cards.filter((card) => card.questions.some((q) => q.lens));
    expect(lensed.length).toBeGreaterThan(cards.length * 0.9);
    const oneWay: string[] = [];
    for (const card of lensed) {
      for (const phase of card.phases) {
        const lenses = new Set(card.questions.filter((q) => q.phase === phase).map((q) => q.lens));
        if (!lenses.has('home') || !lenses.has('relationship')) oneWay.push(`${label(card)}: ${PHASE_LABELS[phase]}`);
      }
    }
    expect(oneWay).toEqual([]);
  });

  it('never refers back to talk that may not have happened, except in a follow-up: a card can be drawn fresh in any phase', () => {
    // A question shown when a card is drawn fresh stands on its own. Only a follow-up, asked when
    // the card is carried on from an earlier phase of the same review, may pick up what was said.
    expect(REFERS_BACK.test('What will each of us do to build on that success, and by when?')).toBe(true);
    const referring = cards.flatMap((card) =>
      card.questions.filter(refersBackWhenFresh).map((q) => `${label(card)}: ${q.text}`),
    );
    expect(referring).toEqual([]);
  });

  it('lets a follow-up refer back to what was said earlier, and no other question', () => {
    const text = 'Building on that story you told us in Discover, what could be?';
    expect(REFERS_BACK.test(text)).toBe(true);
    expect(refersBackWhenFresh({ phase: 'dream', text })).toBe(true);
    expect(refersBackWhenFresh({ phase: 'dream', text, followUp: true })).toBe(false);
    const withFollowUp = structuredClone(rawDeck) as { cards: { phases: string[]; questions: unknown[] }[] };
    const card = withFollowUp.cards.find((c) => c.phases.includes('dream'))!;
    card.questions.push({ phase: 'dream', text, followUp: true });
    expect(parseDeckFile(withFollowUp).ok).toBe(true);
  });

  it('carries every card on: a follow-up for each of Dream, Design and Deliver it lists, in each lens it asks', () => {
    const missing: string[] = [];
    for (const card of cards) {
      const lenses = card.questions.some((q) => q.lens) ? LENSES : [undefined];
      for (const phase of FOLLOW_UP_PHASES.filter((p) => card.phases.includes(p))) {
        for (const lens of lenses) {
          if (!card.questions.some((q) => q.followUp && q.phase === phase && q.lens === lens))
            missing.push(`${label(card)}: ${PHASE_LABELS[phase]}${lens ? ` (${lens})` : ''}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cards.flatMap((card) => card.questions.filter((q) => q.followUp)).length).toBeGreaterThan(700);
  });

  it('asks follow-ups only in Dream, Design and Deliver, in phases the card lists, each beside an ordinary question', () => {
    const misplaced: string[] = [];
    for (const card of cards) {
      for (const q of card.questions.filter((question) => question.followUp)) {
        const where = `${label(card)}: ${PHASE_LABELS[q.phase]}${q.lens ? ` (${q.lens})` : ''}`;
        if (!(FOLLOW_UP_PHASES as readonly Phase[]).includes(q.phase))
          misplaced.push(`${where}: not a phase a card is carried into`);
        if (!card.phases.includes(q.phase)) misplaced.push(`${where}: a phase the card does not list`);
        if (!card.questions.some((o) => !o.followUp && o.phase === q.phase && o.lens === q.lens))
          misplaced.push(`${where}: no ordinary question for a fresh draw`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('writes each follow-up for its card: it picks up what was said earlier, and no two read alike', () => {
    const detached: string[] = [];
    const seen = new Map<string, string>();
    for (const card of cards) {
      for (const q of card.questions.filter((question) => question.followUp)) {
        if (!FOLLOWS_ON.test(q.text)) detached.push(`${label(card)}: ${q.text}`);
        // The same words with only the card's title changed would be a template, not a question.
        const shape = normalise(q.text.split(card.title).join('…')).toLowerCase();
        const first = seen.get(shape);
        if (first) detached.push(`${label(card)}: reads like a follow-up of ${first}: ${q.text}`);
        else seen.set(shape, card.id);
      }
    }
    expect(detached).toEqual([]);
  });

  it('asks for commitments in every Deliver follow-up, naming the commissioner and the provider', () => {
    const unnamed = cards.flatMap((card) =>
      card.questions
        .filter(
          (q) =>
            q.followUp &&
            q.phase === 'deliver' &&
            !(/\bcommissioner\b/.test(q.text) && /\bprovider\b/.test(q.text) && !/\beach of us\b/i.test(q.text)),
        )
        .map((q) => `${label(card)}: ${q.text}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('asks for a ‘what should be’ statement in every Design follow-up', () => {
    const without = cards.flatMap((card) =>
      card.questions
        .filter((q) => q.followUp && q.phase === 'design' && !/‘what should be’ statement/.test(q.text))
        .map((q) => `${label(card)}: ${q.text}`),
    );
    expect(without).toEqual([]);
  });

  it('quotes each line the second edition adds from “Maintaining trust” from that text, one passage a card', () => {
    const added = cards.filter((card) => card.framework === 'maintaining-trust');
    expect(added.map((card) => card.paper.document)).toEqual(added.map(() => 'maintaining-trust'));
    for (const card of added)
      expect(paper['maintaining-trust'].normalised, label(card)).toContain(normalise(card.paper.text));
    const passages = added.map((card) => card.paper.text);
    expect(new Set(passages).size).toBe(passages.length);
  });

  it('asks for provocative propositions in the Design phase: a ‘what should be’ statement on every card that serves it', () => {
    const without = cards
      .filter((card) => card.framework !== 'facilitation' && card.phases.includes('design'))
      .filter((card) => !card.questions.some((q) => q.phase === 'design' && /‘what should be’ statement/.test(q.text)))
      .map(label);
    expect(without).toEqual([]);
  });

  it('has a facilitation group that can be drawn in every phase', () => {
    const group = cards.filter((card) => card.framework === 'facilitation' && !card.retired);
    const needed = [
      'facilitation-opening-round',
      'facilitation-ground-rules',
      'facilitation-stuck-room',
      'facilitation-hostile-room',
      'facilitation-one-side-dominating',
      'facilitation-repair',
      'facilitation-childs-voice',
      'facilitation-paired-interview',
      'facilitation-closing-appreciation',
      'facilitation-last-times-actions',
    ];
    expect(needed.filter((id) => !group.some((card) => card.id === id))).toEqual([]);
    for (const id of needed) {
      const card = group.find((c) => c.id === id)!;
      expect([...card.phases].sort(), id).toEqual([...PHASES].sort());
    }
    const rules = group.find((c) => c.id === 'facilitation-ground-rules')!;
    const said = [rules.facilitatorNote ?? '', ...rules.questions.map((q) => q.text)].join(' ');
    expect(said).toMatch(/signed/);
    expect(said).toMatch(/emailed/);
    expect(said).toMatch(/pass/);
  });

  it('serves every phase, and every card has a question for each phase it lists', () => {
    for (const phase of PHASES)
      expect(cards.filter((card) => card.phases.includes(phase)).length, PHASE_LABELS[phase]).toBeGreaterThan(5);
    for (const card of cards) {
      expect(new Set(card.questions.map((q) => q.phase)), label(card)).toEqual(new Set(card.phases));
    }
  });

  it('writes in UK English', () => {
    const texts = cards.flatMap((card) => [
      card.title,
      card.facilitatorNote ?? '',
      ...card.questions.map((q) => q.text),
    ]);
    expect(texts.filter((text) => AMERICAN_SPELLINGS.test(text))).toEqual([]);
    expect([deck.name, deck.description].filter((text) => AMERICAN_SPELLINGS.test(text))).toEqual([]);
  });

  it('names the Quality Standards it touches, from regulations 6 to 14', () => {
    expect(QUALITY_STANDARDS.map((s) => s.regulation)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(QUALITY_STANDARDS.find((s) => s.regulation === 7)?.name).toBe(
      'The children’s views, wishes and feelings standard',
    );
    const named = new Set(cards.flatMap((card) => card.qualityStandards ?? []));
    expect([...named].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const withNone = cards
      .filter((card) => card.framework !== 'facilitation' && !card.qualityStandards?.length)
      .map(label);
    expect(withNone).toEqual([]);
  });
});

describe('parseDeckFile', () => {
  const valid = () => structuredClone(rawDeck) as { cards: Record<string, unknown>[] } & Record<string, unknown>;
  const problemsOf = (input: unknown) => {
    const result = parseDeckFile(input);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };
  const firstTitle = (rawDeck as { cards: { title: string }[] }).cards[0]!.title;
  const secondTitle = (rawDeck as { cards: { title: string }[] }).cards[1]!.title;

  it('refuses a card with a missing field, naming the card and the field', () => {
    const broken = valid();
    delete broken.cards[1]!.questions;
    expect(problemsOf(broken)).toEqual([`Card 2 (“${secondTitle}”) has no questions.`]);
  });

  it('refuses a deck with a missing field', () => {
    const broken = valid();
    delete broken.name;
    expect(problemsOf(broken)).toEqual(['The deck file has no name.']);
  });

  it('refuses a duplicate card id', () => {
    const broken = valid();
    broken.cards[1]!.id = broken.cards[0]!.id;
    expect(problemsOf(broken)).toEqual([
      `Card 2 (“${secondTitle}”) has the id “${String(broken.cards[0]!.id)}”, which card 1 already uses; each card needs its own id.`,
    ]);
  });

  it('refuses a question for a phase the card does not list, and a listed phase with no question', () => {
    const broken = valid();
    broken.cards[0]!.phases = ['discover', 'dream'];
    broken.cards[0]!.questions = [
      { phase: 'discover', text: 'Tell us about a time when it worked.' },
      { phase: 'deliver', text: 'What will each of us do, by when?' },
    ];
    expect(problemsOf(broken)).toEqual([
      `Card 1 (“${firstTitle}”), question 2, is for the Deliver phase, which the card does not list among its phases; add the phase to the card or move the question.`,
      `Card 1 (“${firstTitle}”) has no question for the Dream phase, which it lists.`,
    ]);
  });

  it('takes follow-up questions only in Dream, Design and Deliver, and never as a phase’s only question', () => {
    const broken = valid();
    broken.cards[0]!.phases = ['discover', 'dream'];
    broken.cards[0]!.questions = [
      { phase: 'discover', text: 'Tell us about a time when it worked.', followUp: true },
      { phase: 'dream', text: 'Building on that story, what could be?', followUp: true },
    ];
    expect(problemsOf(broken)).toEqual([
      `Card 1 (“${firstTitle}”), question 1, is a follow-up in the Discover phase; a card is carried on only into Dream, Design or Deliver.`,
      `Card 1 (“${firstTitle}”) has no question for the Discover phase, which it lists.`,
      `Card 1 (“${firstTitle}”) has no question for the Dream phase, which it lists.`,
    ]);
    broken.cards[0]!.questions = [
      { phase: 'discover', text: 'Tell us about a time when it worked.' },
      { phase: 'dream', text: 'What could be?', followUp: false },
    ];
    expect(problemsOf(broken)).toEqual([
      `Card 1 (“${firstTitle}”), question 2, has a “followUp” marker that is not true; leave it out otherwise.`,
    ]);
  });

  it('reads deck files of format versions 1 and 2, and says which it reads when given another', () => {
    const older = valid();
    older.formatVersion = 1;
    expect(parseDeckFile(older).ok).toBe(true);
    older.formatVersion = 3;
    expect(problemsOf(older)).toEqual([
      'The deck file uses version 3 of the deck format; this app reads versions 1 and 2.',
    ]);
  });

  it('refuses fields it does not know', () => {
    const broken = valid();
    broken.cards[0]!.colour = 'blue';
    broken.author = 'someone';
    expect(problemsOf(broken)).toEqual([
      `Card 1 (“${firstTitle}”) has a field this app does not recognise: “colour”. Check the spelling, or remove it.`,
      'The deck file has a field this app does not recognise: “author”. Check the spelling, or remove it.',
    ]);
  });

  it('refuses a file that is not shaped like a deck, or not JSON at all', () => {
    const notADeck =
      'The deck file is not shaped like a deck: it should be a JSON object, starting with “{”, that holds the deck’s name and its cards.';
    expect(problemsOf([rawDeck])).toEqual([notADeck]);
    expect(problemsOf(null)).toEqual([notADeck]);
    expect(problemsOf(42)).toEqual([notADeck]);
    expect(problemsOf('{"format": "relational-review-deck", ')).toEqual([
      'The deck file could not be read: it is not valid JSON. It may be damaged, or not a deck file at all.',
    ]);
    expect(problemsOf({ format: 'something-else', formatVersion: 1 })[0]).toBe(
      'The deck file is not a Relational Review deck file (its “format” should be “relational-review-deck”).',
    );
  });

  it('refuses an edition that is not a whole number from 1', () => {
    const broken = valid();
    broken.edition = 'second';
    expect(problemsOf(broken)).toEqual([
      'The deck file has an edition that is not a number; give a whole number, such as 2.',
    ]);
    broken.edition = 0;
    expect(problemsOf(broken)).toEqual(['The deck file has an edition below 1.']);
  });

  it('accepts the file’s text as well as its parsed JSON', () => {
    expect(parseDeckFile(fs.readFileSync(deckPath, 'utf8')).ok).toBe(true);
  });

  it('words every problem for a person, and lists at most ten', () => {
    const broken = valid();
    for (const card of broken.cards) {
      card.phases = ['dream'];
      card.qualityStandards = [15];
      card.paper = { ...(card.paper as object), kind: 'quote' };
    }
    broken.cards[3]!.framework = 'astrology';
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(11);
    expect(problems[10]).toMatch(/^…and \d+ more problems\.$/);
    for (const problem of problems.slice(0, 10)) {
      expect(problem).toMatch(/^(The deck file|Card \d+ \(“.+”\))/);
      expect(problem).not.toMatch(/Invalid|expected|received|cards\.\d|undefined|Zod/);
    }
  });

  it('changes nothing in what it is given', () => {
    const input = valid();
    const before = JSON.stringify(input);
    parseDeckFile(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

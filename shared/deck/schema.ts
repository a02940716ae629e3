import { z } from 'zod';

/** What a deck file held where it went wrong, as the person would recognise it. */
const shown = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

/**
 * The prompt-card deck: its file format, the zod schema that checks a deck at load and import,
 * and the fixed vocabularies a card draws on (phases, Quality Standards, frameworks, documents).
 *
 * Every message here may be shown to a person importing a deck file, so each one is plain words.
 * Messages are written to follow a subject that `parseDeckFile` supplies from where the problem
 * is: “The deck file …”, “Card 12 (“Secure attachments”) …” or “Card 12 (“…”), question 3, …”.
 */

export const DECK_FORMAT = 'relational-review-deck';
/**
 * The version this app writes. Version 2 added follow-up questions; a version 1 file reads the same
 * way, with none.
 */
export const DECK_FORMAT_VERSION = 2;
const READABLE_FORMAT_VERSIONS = [1, 2] as const;

/** The phases a card can be carried into from an earlier one, where follow-up questions belong. */
export const FOLLOW_UP_PHASES = ['dream', 'design', 'deliver'] as const;

// ---------------------------------------------------------------------------------------------
// Appreciative Enquiry phases

export const PHASES = ['define', 'discover', 'dream', 'design', 'deliver'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  define: 'Define',
  discover: 'Discover',
  dream: 'Dream',
  design: 'Design',
  deliver: 'Deliver',
};

/** One line on what each phase is for, as a facilitator would say it. */
export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  define: 'Agree what the review is for and name its affirmative topic.',
  discover: 'Find and tell the stories of what already works well, and why.',
  dream: 'Imagine what could be, built on the best of what is.',
  design: 'Shape the arrangements that would make that future ordinary.',
  deliver: 'Agree who will do what, by when, and how we will know.',
};

// ---------------------------------------------------------------------------------------------
// The question's lens (the paper's matching principle: what happens between commissioner and
// provider is mirrored in the child's daily life in the home)

export const LENSES = ['home', 'relationship'] as const;
export type Lens = (typeof LENSES)[number];

export const LENS_LABELS: Record<Lens, string> = {
  home: 'In the child’s daily life in the home',
  relationship: 'Between commissioner and provider',
};

// ---------------------------------------------------------------------------------------------
// The Quality Standards: the Children's Homes (England) Regulations 2015, regulations 6 to 14

export const QUALITY_STANDARD_NUMBERS = [6, 7, 8, 9, 10, 11, 12, 13, 14] as const;
export type QualityStandardNumber = (typeof QUALITY_STANDARD_NUMBERS)[number];

export interface QualityStandard {
  regulation: QualityStandardNumber;
  /** The standard's name as the regulation gives it. */
  name: string;
  /** A short label for filters and chips. */
  shortName: string;
}

export const QUALITY_STANDARDS: readonly QualityStandard[] = [
  { regulation: 6, name: 'The quality and purpose of care standard', shortName: 'Quality and purpose of care' },
  {
    regulation: 7,
    name: 'The children’s views, wishes and feelings standard',
    shortName: 'Children’s views, wishes and feelings',
  },
  { regulation: 8, name: 'The education standard', shortName: 'Education' },
  { regulation: 9, name: 'The enjoyment and achievement standard', shortName: 'Enjoyment and achievement' },
  { regulation: 10, name: 'The health and well-being standard', shortName: 'Health and well-being' },
  { regulation: 11, name: 'The positive relationships standard', shortName: 'Positive relationships' },
  { regulation: 12, name: 'The protection of children standard', shortName: 'Protection of children' },
  { regulation: 13, name: 'The leadership and management standard', shortName: 'Leadership and management' },
  { regulation: 14, name: 'The care planning standard', shortName: 'Care planning' },
];

export function qualityStandard(regulation: number): QualityStandard | undefined {
  return QUALITY_STANDARDS.find((standard) => standard.regulation === regulation);
}

// ---------------------------------------------------------------------------------------------
// The documents the deck draws on

export const DOCUMENT_IDS = ['rethinking', 'maintaining-trust'] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

export const DOCUMENTS: Record<DocumentId, { title: string; author: string; pages: number | null }> = {
  rethinking: {
    title: 'Re:thinking Children’s Commissioning: commissioning is a parenting and child care activity',
    author: 'NCERCC',
    pages: 22,
  },
  'maintaining-trust': {
    title: 'No one can say they didn’t know … Maintaining trust and relationships (Pt III)',
    author: 'NCERCC',
    pages: null,
  },
};

// ---------------------------------------------------------------------------------------------
// Frameworks: the lists and ideas the paper uses, each item of which is a card

export const FRAMEWORK_IDS = [
  'appreciative-enquiry',
  'berridge-brodie',
  'pillars-of-parenting',
  'what-works',
  'watson',
  'relational-commissioning',
  'relational-contracting',
  'sellick',
  'transforming-commissioning',
  'pfeffer-coote',
  'erikson',
  'rogers',
  'unfreeze',
  'three-es-four-cs',
  'matching-principle',
  'secure-base',
  'consequences',
  'optimum-occupancy',
  'trust-toyota',
  'quality-as-transformation',
  'resentment-to-relational',
  'occupational-standards',
  'mirror-examples',
  'maintaining-trust',
  'rethinking-further',
  'facilitation',
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export interface Framework {
  id: FrameworkId;
  name: string;
  /** Who the paper credits, where it credits someone. */
  attribution: string | null;
}

export const FRAMEWORKS: readonly Framework[] = [
  { id: 'appreciative-enquiry', name: 'The assumptions of Appreciative Enquiry', attribution: 'Cooperrider' },
  { id: 'berridge-brodie', name: 'Quality-of-care variables', attribution: 'Berridge and Brodie' },
  { id: 'pillars-of-parenting', name: 'The 8 Pillars of Parenting', attribution: 'Cameron and Maginn' },
  {
    id: 'what-works',
    name: 'Foundations of What works in Residential Child Care',
    attribution: 'Clough, Bullock and Ward',
  },
  { id: 'watson', name: 'Factors enhancing and inhibiting quality care', attribution: 'Watson' },
  { id: 'relational-commissioning', name: 'Relational commissioning defined', attribution: 'Petrie and Wilson' },
  { id: 'relational-contracting', name: 'What relational contracting requires', attribution: null },
  { id: 'sellick', name: 'Features of effective contractual relationships', attribution: 'Sellick' },
  { id: 'transforming-commissioning', name: 'Transforming commissioning', attribution: 'Harvey and Knight' },
  {
    id: 'pfeffer-coote',
    name: 'Approaches to defining quality, which “Maintaining trust” calls ideologies',
    attribution: 'Pfeffer and Coote',
  },
  {
    id: 'erikson',
    name: 'The first five stages of development, as stages in developing commissioning',
    attribution: 'Erikson',
  },
  { id: 'rogers', name: 'Statements on learning', attribution: 'Rogers' },
  { id: 'unfreeze', name: 'The conditions to “unfreeze”', attribution: null },
  { id: 'three-es-four-cs', name: 'The three Es and the four Cs: a confusion the paper names', attribution: null },
  {
    id: 'matching-principle',
    name: 'The matching principle and potential space',
    attribution: 'McMahon and Ward; Winnicott',
  },
  { id: 'secure-base', name: 'The secure base', attribution: 'Ainsworth; Bowlby' },
  { id: 'consequences', name: 'The paper’s two examples', attribution: null },
  { id: 'optimum-occupancy', name: 'Planning for optimum occupancy', attribution: null },
  { id: 'trust-toyota', name: 'Trust: Toyota and General Motors', attribution: 'Tagg' },
  { id: 'quality-as-transformation', name: 'Quality as transformation', attribution: 'Harvey and Green' },
  { id: 'resentment-to-relational', name: 'From resentment to relational', attribution: null },
  { id: 'occupational-standards', name: 'National Occupational Standards for commissioners', attribution: null },
  { id: 'mirror-examples', name: 'Two mirror examples', attribution: null },
  { id: 'maintaining-trust', name: 'From “Maintaining trust and relationships”', attribution: null },
  { id: 'rethinking-further', name: 'Further lines from “Re:thinking Children’s Commissioning”', attribution: null },
  { id: 'facilitation', name: 'For the facilitator', attribution: null },
];

export function framework(id: string): Framework | undefined {
  return FRAMEWORKS.find((candidate) => candidate.id === id);
}

// ---------------------------------------------------------------------------------------------
// Schema

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const phaseList = PHASES.map((phase) => PHASE_LABELS[phase]).join(', ');
const frameworkList = FRAMEWORK_IDS.join(', ');

/** A required piece of text, with the words to use when it is missing, not text, empty or too long. */
function text(what: string, max: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `has no ${what}.`
          : `has a ${what} that is not text (it should be in quotation marks).`,
    })
    .trim()
    .min(1, { error: `has an empty ${what}.` })
    .max(max, { error: `has a ${what} longer than ${max} characters; shorten it.` });
}

/**
 * The words for an object that is missing, is not an object, or has fields nobody knows.
 * `where` says where the unknown fields are, for example “ in a question”.
 */
function objectErrors(where: string, missing: string, notAnObject: string) {
  return (issue: { code?: string; keys?: string[]; input?: unknown }) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys ?? [];
      const many = keys.length > 1;
      return `has ${many ? 'fields' : 'a field'} this app does not recognise${where}: ${keys.map((key) => `“${key}”`).join(', ')}. Check the spelling, or remove ${many ? 'them' : 'it'}.`;
    }
    return issue.input === undefined ? missing : notAnObject;
  };
}

const phaseSchema = z.enum(PHASES, {
  error: (issue) =>
    issue.input === undefined
      ? 'has no phase; choose one of Define, Discover, Dream, Design or Deliver.'
      : `names a phase, “${shown(issue.input)}”, that is not one of ${phaseList} (written in lower case in the file).`,
});

export const questionSchema = z.strictObject(
  {
    phase: phaseSchema,
    text: text('wording', 600),
    lens: z
      .enum(LENSES, {
        error: (issue) =>
          `has a lens, “${shown(issue.input)}”, that is not “home” (the child’s daily life in the home) or “relationship” (between commissioner and provider).`,
      })
      .optional(),
    /**
     * Asked only when the card is carried on from an earlier phase of the same review, so it may
     * refer back to what was said about the card then. A card drawn fresh never shows it.
     */
    followUp: z
      .literal(true, { error: 'has a “followUp” marker that is not true; leave it out otherwise.' })
      .optional(),
  },
  { error: objectErrors('', 'is missing.', 'is not a question: it should have a phase and its text.') },
);
export type Question = z.infer<typeof questionSchema>;

export const paperReferenceSchema = z.strictObject(
  {
    kind: z.enum(['quotation', 'paraphrase'], {
      error: (issue) =>
        issue.input === undefined
          ? 'does not say whether what it cites from the paper is a “quotation” or a “paraphrase”.'
          : `describes what it cites from the paper as “${shown(issue.input)}”; it must be “quotation” (word for word) or “paraphrase”.`,
    }),
    text: text('quotation or paraphrase from the paper', 2000),
    section: text('section heading for its source', 300),
    page: z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? 'has no page for its source; give the page number, or null where the document has no pages.'
            : 'has a page for its source that is not a number; give the page number, or null where the document has no pages.',
      })
      .int({ error: 'has a page for its source that is not a whole number.' })
      .min(1, { error: 'has a page for its source below 1.' })
      .nullable(),
    document: z.enum(DOCUMENT_IDS, {
      error: (issue) =>
        issue.input === undefined
          ? 'does not say which document it cites (“rethinking” or “maintaining-trust”).'
          : `cites a document, “${shown(issue.input)}”, that is not “rethinking” or “maintaining-trust”.`,
    }),
  },
  {
    error: objectErrors(
      ' in its source from the paper',
      'has no source from the paper (“paper”: what the paper says, its section heading, page and document).',
      'has a source from the paper that is not a set of named fields.',
    ),
  },
);
export type PaperReference = z.infer<typeof paperReferenceSchema>;

/** Problems that need more than one field of a card to see. Paths are relative to the card. */
function cardCrossFieldIssues(card: {
  phases?: unknown;
  questions?: unknown;
  qualityStandards?: unknown;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const phases = Array.isArray(card.phases) ? card.phases.filter((p): p is Phase => PHASES.includes(p as Phase)) : [];
  const questions = Array.isArray(card.questions) ? card.questions : [];
  const asked = new Set<unknown>();
  questions.forEach((question: unknown, index) => {
    const phase = question && typeof question === 'object' ? (question as { phase?: unknown }).phase : undefined;
    if (!(question as { followUp?: unknown } | null)?.followUp) asked.add(phase);
    else if (PHASES.includes(phase as Phase) && !(FOLLOW_UP_PHASES as readonly string[]).includes(phase as string)) {
      issues.push({
        path: ['questions', index, 'followUp'],
        message: `is a follow-up in the ${PHASE_LABELS[phase as Phase]} phase; a card is carried on only into Dream, Design or Deliver.`,
      });
    }
    if (Array.isArray(card.phases) && PHASES.includes(phase as Phase) && !phases.includes(phase as Phase)) {
      issues.push({
        path: ['questions', index, 'phase'],
        message: `is for the ${PHASE_LABELS[phase as Phase]} phase, which the card does not list among its phases; add the phase to the card or move the question.`,
      });
    }
  });
  if (Array.isArray(card.questions)) {
    for (const phase of PHASES) {
      if (phases.includes(phase) && !asked.has(phase)) {
        issues.push({
          path: ['questions'],
          message: `has no question for the ${PHASE_LABELS[phase]} phase, which it lists.`,
        });
      }
    }
  }
  if (Array.isArray(card.phases)) {
    const seen = new Set<unknown>();
    for (const phase of card.phases) {
      if (seen.has(phase) && PHASES.includes(phase as Phase)) {
        issues.push({ path: ['phases'], message: `lists the ${PHASE_LABELS[phase as Phase]} phase more than once.` });
      }
      seen.add(phase);
    }
  }
  if (Array.isArray(card.qualityStandards)) {
    const seen = new Set<unknown>();
    for (const regulation of card.qualityStandards) {
      if (seen.has(regulation) && typeof regulation === 'number') {
        issues.push({
          path: ['qualityStandards'],
          message: `names Quality Standard regulation ${regulation} more than once.`,
        });
      }
      seen.add(regulation);
    }
  }
  return issues;
}

/** The fields every card has, whether drawn from the paper or written by a deck's user. */
const cardFields = {
  id: z
    .string({ error: (issue) => (issue.input === undefined ? 'has no id.' : 'has an id that is not text.') })
    .regex(KEBAB, {
      error:
        'has an id that is not a simple slug: use lower-case letters, digits and single hyphens, for example “secure-base-available-responsive-helpful”.',
    })
    .max(100, { error: 'has an id longer than 100 characters.' }),
  framework: z.enum(FRAMEWORK_IDS, {
    error: (issue) =>
      issue.input === undefined
        ? 'does not say which framework it belongs to.'
        : `names a framework, “${shown(issue.input)}”, that this app does not know. The frameworks are: ${frameworkList}.`,
  }),
  title: text('title', 120),
  phases: z
    .array(phaseSchema, {
      error: (issue) =>
        issue.input === undefined ? 'does not list the phases it serves.' : 'has phases that are not a list.',
    })
    .min(1, { error: 'lists no phases; a card serves at least one of Define, Discover, Dream, Design and Deliver.' }),
  questions: z
    .array(questionSchema, {
      error: (issue) => (issue.input === undefined ? 'has no questions.' : 'has questions that are not a list.'),
    })
    .min(1, { error: 'has no questions; a card asks at least one.' }),
  qualityStandards: z
    .array(
      z
        .number({ error: 'names a Quality Standard that is not a regulation number.' })
        .int({ error: 'names a Quality Standard that is not a whole regulation number.' })
        .min(6, { error: 'names a Quality Standard below regulation 6; the standards are regulations 6 to 14.' })
        .max(14, { error: 'names a Quality Standard above regulation 14; the standards are regulations 6 to 14.' }),
      { error: 'has Quality Standards that are not a list of regulation numbers.' },
    )
    .optional(),
  facilitatorNote: text('facilitator’s note', 2000).optional(),
  retired: z.boolean({ error: 'has a “retired” marker that is not true or false.' }).optional(),
};

const cardErrors = objectErrors('', 'is missing.', 'is not a card: it should be a set of named fields.');

/** A card drawn from the paper: what the paper says, as the paper says it, with its source. */
export const cardSchema = z
  .strictObject(
    {
      id: cardFields.id,
      framework: cardFields.framework,
      title: cardFields.title,
      paper: paperReferenceSchema,
      phases: cardFields.phases,
      questions: cardFields.questions,
      qualityStandards: cardFields.qualityStandards,
      facilitatorNote: cardFields.facilitatorNote,
      retired: cardFields.retired,
    },
    { error: cardErrors },
  )
  .superRefine((card, context) => {
    for (const issue of cardCrossFieldIssues(card)) context.addIssue({ code: 'custom', ...issue });
  });
export type Card = z.infer<typeof cardSchema>;

/**
 * A card a deck's user wrote: the same fields as a card from the paper, but no source in the
 * paper. A deck file lists these apart from the paper's cards, under “ownCards”.
 */
export const ownCardSchema = z.strictObject(cardFields, { error: cardErrors }).superRefine((card, context) => {
  for (const issue of cardCrossFieldIssues(card)) context.addIssue({ code: 'custom', ...issue });
});
export type OwnCard = z.infer<typeof ownCardSchema>;

/** Problems that need the whole deck to see. Paths are relative to the deck. */
function deckCrossFieldIssues(deck: {
  cards?: unknown;
  ownCards?: unknown;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const firstWithId = new Map<string, string>();
  for (const list of ['cards', 'ownCards'] as const) {
    const cards = deck[list];
    if (!Array.isArray(cards)) continue;
    cards.forEach((card: unknown, index) => {
      const id = card && typeof card === 'object' ? (card as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, cardName(list, index));
      else
        issues.push({
          path: [list, index, 'id'],
          message: `has the id “${id}”, which ${first.charAt(0).toLowerCase()}${first.slice(1)} already uses; each card needs its own id.`,
        });
    });
  }
  return issues;
}

const cardName = (list: 'cards' | 'ownCards', index: number) =>
  `${list === 'cards' ? 'Card' : 'Own card'} ${index + 1}`;

export const deckFileSchema = z
  .strictObject(
    {
      format: z.literal(DECK_FORMAT, {
        error: 'is not a Relational Review deck file (its “format” should be “relational-review-deck”).',
      }),
      formatVersion: z.literal(READABLE_FORMAT_VERSIONS, {
        error: (issue) =>
          issue.input === undefined
            ? `does not say which version of the deck format it uses (“formatVersion”: ${DECK_FORMAT_VERSION}).`
            : `uses version ${shown(issue.input)} of the deck format; this app reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}.`,
      }),
      id: z
        .string({
          error: (issue) => (issue.input === undefined ? 'has no deck id.' : 'has a deck id that is not text.'),
        })
        .regex(KEBAB, {
          error: 'has a deck id that is not a simple slug: use lower-case letters, digits and single hyphens.',
        })
        .max(100, { error: 'has a deck id longer than 100 characters.' }),
      name: text('name', 200),
      /**
       * Which edition of the deck this is (the built-in deck's second edition is 2). Reviews refer
       * to cards by id, so an edition never removes or renames an id: it retires or rewords a card.
       */
      edition: z
        .number({ error: 'has an edition that is not a number; give a whole number, such as 2.' })
        .int({ error: 'has an edition that is not a whole number.' })
        .min(1, { error: 'has an edition below 1.' })
        .optional(),
      description: text('description', 2000),
      source: text('source (the paper it draws on)', 1000),
      readOnly: z.boolean({ error: 'has a “readOnly” marker that is not true or false.' }).optional(),
      cards: z
        .array(cardSchema, {
          error: (issue) => (issue.input === undefined ? 'has no cards.' : 'has cards that are not a list.'),
        })
        .min(1, { error: 'has no cards; a deck needs at least one.' }),
      ownCards: z.array(ownCardSchema, { error: 'has own cards (“ownCards”) that are not a list.' }).optional(),
    },
    {
      error: objectErrors(
        '',
        'is empty.',
        'is not shaped like a deck: it should be a JSON object, starting with “{”, that holds the deck’s name and its cards.',
      ),
    },
  )
  .superRefine((deck, context) => {
    for (const issue of deckCrossFieldIssues(deck)) context.addIssue({ code: 'custom', ...issue });
  });
export type DeckFile = z.infer<typeof deckFileSchema>;

// ---------------------------------------------------------------------------------------------
// Parsing a deck file, with problems worded for a person

export const MAX_PROBLEMS_LISTED = 10;

export type ParseDeckResult = { ok: true; deck: DeckFile } | { ok: false; problems: string[] };

/**
 * Checks a deck file: its shape, every card, and the rules that span fields (unique card ids,
 * a question for every phase a card lists, no question for a phase it does not list).
 * Takes the parsed JSON, or the file's text (which is parsed first).
 * On failure, lists up to ten problems in plain words, each naming the card and field.
 */
export function parseDeckFile(json: unknown): ParseDeckResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch {
      return {
        ok: false,
        problems: [
          'The deck file could not be read: it is not valid JSON. It may be damaged, or not a deck file at all.',
        ],
      };
    }
  }
  const result = deckFileSchema.safeParse(input);
  if (result.success) return { ok: true, deck: result.data };
  const foreign = result.error.issues.find((issue) => issue.path.length === 1 && issue.path[0] === 'format');
  if (foreign) return { ok: false, problems: [describe(input, [], foreign.message)] };

  const found = result.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: issue.message,
  }));
  // The cross-field rules only run inside the schema once the fields themselves are sound;
  // check them here too so one import shows as much of what needs fixing as it can.
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    found.push(...deckCrossFieldIssues(input));
    for (const list of ['cards', 'ownCards'] as const) {
      const cards = (input as { cards?: unknown; ownCards?: unknown })[list];
      if (!Array.isArray(cards)) continue;
      cards.forEach((card: unknown, index) => {
        if (card && typeof card === 'object' && !Array.isArray(card)) {
          for (const issue of cardCrossFieldIssues(card))
            found.push({ path: [list, index, ...issue.path], message: issue.message });
        }
      });
    }
  }

  const problems: string[] = [];
  for (const issue of found) {
    const problem = describe(input, issue.path, issue.message);
    if (!problems.includes(problem)) problems.push(problem);
  }
  if (problems.length > MAX_PROBLEMS_LISTED) {
    const more = problems.length - MAX_PROBLEMS_LISTED;
    return {
      ok: false,
      problems: [
        ...problems.slice(0, MAX_PROBLEMS_LISTED),
        `…and ${more} more ${more === 1 ? 'problem' : 'problems'}.`,
      ],
    };
  }
  return { ok: false, problems };
}

/** Puts the subject in front of a message: the deck file, a card (number and title) or one of its questions. */
function describe(input: unknown, path: readonly (string | number)[], message: string): string {
  const list = path[0];
  if ((list !== 'cards' && list !== 'ownCards') || typeof path[1] !== 'number') return `The deck file ${message}`;
  const cards = (input as Record<string, unknown[] | undefined>)[list] ?? [];
  const card = cards[path[1]];
  const title = card && typeof card === 'object' ? (card as { title?: unknown }).title : undefined;
  const named =
    typeof title === 'string' && title.trim()
      ? `${cardName(list, path[1])} (“${title.trim().length > 60 ? `${title.trim().slice(0, 59)}…` : title.trim()}”)`
      : cardName(list, path[1]);
  if (path[2] === 'questions' && typeof path[3] === 'number') return `${named}, question ${path[3] + 1}, ${message}`;
  return `${named} ${message}`;
}

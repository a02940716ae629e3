import { z } from 'zod';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import type * as LanguageEnglish from '@zxcvbn-ts/language-en';

export type VaultState = 'new' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** A case book from before encryption, to be encrypted with the first passphrase. */
  unencrypted: boolean;
  /** A locked case book under an older, cheaper key derivation: unlocking re-keys it (and its backups), once. */
  strengthenOnUnlock: boolean;
  /** This computer can remember the passphrase (the desktop app's protected storage). */
  canRemember: boolean;
  idleLockMinutes: number;
  backupsKept: number;
  /**
   * While locked after wrong passphrases: how many, and the whole seconds still to wait before
   * the next try (0 when a try may be made now). Held across restarts, so the unlock screen can
   * say so before anyone types.
   */
  failedUnlocks: number;
  unlockWaitSeconds: number;
}

/** How far re-keying the backups has gone: after an unlock that strengthens them, or a change of passphrase. */
export interface VaultProgress {
  task: 'strengthen' | 'passphrase';
  done: number;
  total: number;
}

/** What changing the passphrase did to the backups. */
export interface PassphraseChange {
  /** Backups re-encrypted under the new passphrase. */
  backupsRekeyed: number;
  /** Backups made under an earlier passphrase (they still open only with it), or that could not be re-keyed. */
  backupsUnderEarlierPassphrase: string[];
}

export const minimumPassphraseLength = 10;

/**
 * How hard a passphrase is to guess, from zxcvbn-ts (Dropbox's zxcvbn, kept up in TypeScript)
 * with its common-password and English dictionaries: the log10 of the guesses a guesser trying
 * the likeliest first would need, and zxcvbn's warning key ("topTen", "sequences"...).
 */
export type PassphraseEstimator = (text: string) => { guessesLog10: number; warning: string | null };

/**
 * A passphrase needs an estimated 10^10 guesses (zxcvbn's top score, "strong protection from an
 * offline slow-hash attack"): at Argon2id's cost that is months of a graphics card per passphrase.
 */
export const minimumGuessesLog10 = 10;

/** Words anyone guessing at this app's passphrases would try first. */
const appWords = ['relational', 'review', 'relationalreview', 'casebook', 'case book', 'passphrase', 'password'];

/** Builds the estimator from the zxcvbn-ts modules: the core imports them at start, the renderer when a form opens. */
export function passphraseEstimatorFrom(
  core: typeof ZxcvbnCore,
  common: typeof LanguageCommon,
  english: typeof LanguageEnglish,
): PassphraseEstimator {
  const zxcvbn = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Bounded work per check, whatever is typed or sent: the first 64 characters, few l33t variants.
    maxLength: 64,
    l33tMaxSubstitutions: 8,
  });
  return (text) => {
    const result = zxcvbn.check(text, appWords);
    return { guessesLog10: result.guessesLog10, warning: result.feedback.warning };
  };
}

let estimator: PassphraseEstimator | null = null;
let loading: Promise<void> | undefined;

/** Puts the estimator in place (the core does so at start, with the dictionaries imported). */
export function setPassphraseEstimator(next: PassphraseEstimator): void {
  estimator = next;
}

/** Whether passphrases are checked against the dictionaries yet (in the renderer, once they have loaded). */
export const passphraseEstimatorReady = () => estimator !== null;

/**
 * Loads the estimator and its dictionaries (about 1.6 MB of word lists) the first time a
 * passphrase form asks, so they stay out of the renderer's first download. Until then the forms
 * check only the length, and the core, which always has them, refuses a guessable passphrase.
 */
export function loadPassphraseEstimator(): Promise<void> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, english]) => setPassphraseEstimator(passphraseEstimatorFrom(core, common, english)));
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The way to a strong passphrase, said in every refusal. */
export const passphraseGuidance =
  'Use three or four random words instead, unrelated to each other and to you: easy to remember, hard to guess.';

/** Why a passphrase is easy to guess, in plain words, from zxcvbn's warning. */
const reasons: Record<string, string> = {
  topTen: 'it is one of the most used passwords.',
  topHundred: 'it is one of the most used passwords.',
  common: 'it is one of the most used passwords.',
  pwned: 'it is one of the most used passwords.',
  similarToCommon: 'it is too close to one of the most used passwords.',
  straightRow: 'keys in a row on the keyboard are among the first guesses.',
  keyPattern: 'keyboard patterns are among the first guesses.',
  simpleRepeat: 'repeated characters are among the first guesses.',
  extendedRepeat: 'repeated patterns are among the first guesses.',
  sequences: 'sequences such as “abc” or “1234” are among the first guesses.',
  recentYears: 'years are among the first guesses.',
  dates: 'dates are among the first guesses.',
  wordByItself: 'a single word is among the first guesses, even with numbers or symbols added.',
  namesByThemselves: 'names are among the first guesses.',
  commonNames: 'names are among the first guesses.',
  userInputs: 'the name of this app and words about it are among the first guesses.',
};

export type PassphraseVerdict =
  { acceptable: true; advice: string } | { acceptable: false; reason: string; advice: string };

/**
 * Whether a new passphrase is long enough and hard enough to guess, with a plain reason when
 * it is not. Shared: the core refuses what the forms refuse, with the same words.
 */
export function judgePassphrase(text: string): PassphraseVerdict {
  if (text.length < minimumPassphraseLength)
    return {
      acceptable: false,
      reason: `Use at least ${minimumPassphraseLength} characters: a few unrelated words work well.`,
      advice: `Too short: use at least ${minimumPassphraseLength} characters.`,
    };
  if (!estimator) return { acceptable: true, advice: 'Long enough. Checking how easy it is to guess…' };
  const { guessesLog10, warning } = estimator(text);
  if (guessesLog10 >= minimumGuessesLog10) return { acceptable: true, advice: 'Strong: hard to guess.' };
  const why = (warning && reasons[warning]) || 'it is not long or unusual enough to hold out against guessing.';
  const reason = `Too easy to guess: ${why} ${passphraseGuidance}`;
  return { acceptable: false, reason, advice: reason };
}

/** Plain guidance on a passphrase's strength, shown as it is typed. */
export function passphraseAdvice(text: string): string {
  return judgePassphrase(text).advice;
}

const passphrase = z
  .string({ message: 'Enter a passphrase.' })
  .min(minimumPassphraseLength, `Use at least ${minimumPassphraseLength} characters: a few unrelated words work well.`)
  .max(500, 'Keep the passphrase under 500 characters.')
  .superRefine((text, context) => {
    if (text.length < minimumPassphraseLength || text.length > 500) return;
    const verdict = judgePassphrase(text);
    if (!verdict.acceptable) context.addIssue({ code: 'custom', message: verdict.reason });
  });

const confirmed = <T extends { passphrase: string; confirmation: string }>(value: T) =>
  value.passphrase === value.confirmation;
const mismatch = { message: 'The two passphrases are not the same. Type them again.', path: ['confirmation'] };

export const createVaultSchema = z
  .strictObject({
    passphrase,
    confirmation: z.string({ message: 'Type the passphrase again.' }),
    remember: z.boolean().optional(),
  })
  .refine(confirmed, mismatch);

export const unlockSchema = z.strictObject({
  passphrase: z
    .string({ message: 'Enter the passphrase.' })
    .min(1, 'Enter the passphrase.')
    .max(500, 'That passphrase is too long.'),
  remember: z.boolean().optional(),
});

export const changePassphraseSchema = z
  .strictObject({
    current: z.string({ message: 'Enter the current passphrase.' }).min(1, 'Enter the current passphrase.').max(500),
    passphrase,
    confirmation: z.string(),
  })
  .refine(confirmed, mismatch);

export const idleLockSchema = z.strictObject({
  minutes: z
    .number({ message: 'Give the minutes as a whole number.' })
    .int('Give the minutes as a whole number.')
    .min(1, 'Lock after at least 1 minute.')
    .max(240, 'Lock after at most 4 hours.'),
});

export interface BackupSummary {
  fileName: string;
  createdAt: string;
  sizeBytes: number;
}

export interface BackupPreview {
  fileName: string;
  createdAt: string;
  counts: Record<'organisations' | 'homes' | 'placements' | 'reviews' | 'notes' | 'minutes', number>;
  latestReview: { title: string; scheduledFor: string } | null;
}

const backupFileName = z.string({ message: 'Choose a backup.' }).min(1, 'Choose a backup.').max(200);
export const backupChoiceSchema = z.strictObject({
  fileName: backupFileName,
  /** The passphrase the case book had when the backup was made; the current one if left out. */
  passphrase: z.string().max(500).optional(),
});
export const removeBackupsSchema = z.strictObject({
  fileNames: z
    .array(backupFileName, { message: 'Choose the backups to remove.' })
    .min(1, 'Choose the backups to remove.')
    .max(400, 'Choose at most 400 backups at a time.'),
});
export const backupKeepSchema = z.strictObject({
  keep: z
    .number({ message: 'Give a whole number of backups.' })
    .int('Give a whole number of backups.')
    .min(1, 'Keep at least 1 backup.')
    .max(365, 'Keep at most 365 backups.'),
});

const seconds = (count: number) => (count === 1 ? '1 second' : `${count} seconds`);
const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

/** Said when a try is refused because the wait is not over: no key is derived. */
export const waitMessage = (wait: number, failures: number) =>
  `Wait ${seconds(wait)} before trying again: the passphrase was wrong ${times(failures)}.`;

/** Added to the wrong-passphrase message once the next try has to wait. */
export const nextTryMessage = (wait: number, failures: number) =>
  `It has been wrong ${times(failures)}, so the next try has to wait ${seconds(wait)}.`;

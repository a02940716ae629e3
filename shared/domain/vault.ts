import { z } from 'zod';

export type VaultState = 'new' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** A case book from before encryption, to be encrypted with the first passphrase. */
  unencrypted: boolean;
  /** This computer can remember the passphrase (the desktop app's protected storage). */
  canRemember: boolean;
  idleLockMinutes: number;
  backupsKept: number;
}

export const minimumPassphraseLength = 10;
const passphrase = z
  .string({ message: 'Enter a passphrase.' })
  .min(minimumPassphraseLength, `Use at least ${minimumPassphraseLength} characters: a few unrelated words work well.`)
  .max(500, 'Keep the passphrase under 500 characters.');

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

/** Plain guidance on a passphrase's strength: length matters most. */
export function passphraseAdvice(text: string): string {
  if (text.length < minimumPassphraseLength) return `Too short: use at least ${minimumPassphraseLength} characters.`;
  const words = text.trim().split(/\s+/).length;
  if (text.length >= 20 || words >= 4) return 'Strong: long and hard to guess.';
  return 'Fair: longer is stronger. Four or more unrelated words are easy to remember and hard to guess.';
}

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
export const backupKeepSchema = z.strictObject({
  keep: z
    .number({ message: 'Give a whole number of backups.' })
    .int('Give a whole number of backups.')
    .min(1, 'Keep at least 1 backup.')
    .max(365, 'Keep at most 365 backups.'),
});

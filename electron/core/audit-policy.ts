import type { MethodName } from '@shared/api/contract';

/** Methods that only read: nothing to record. */
const reads = /\.(list|get|status|query|forReview|received|history|identities|keys|backups|previewBackup|verify|info|verifyAudit)$/;

/**
 * Methods that write their own, fuller audit entries (with what was signed, sealed, exported), or
 * that must not be recorded at every call: a note saves as it is typed, and records its creation itself.
 */
const selfRecorded = new Set<string>([
  'minutes.lock',
  'minutes.unlock',
  'minutes.sign',
  'minutes.seal',
  'minutes.amend',
  'minutes.export',
  'minutes.import',
  'minutes.countersign',
  'minutes.exportReceived',
  'signing.confirmKey',
  'signing.importIdentity',
  'backup.restore',
  'notes.save',
]);

/** Whether the router records a successful call of this method in the audit log. */
export function isRecorded(method: MethodName): boolean {
  return !reads.test(method) && !method.startsWith('vault.') && !selfRecorded.has(method);
}

/** The record a change is about, from its input: ids only, never what was typed. */
export function subjectOf(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '';
  const fields = input as Record<string, unknown>;
  for (const key of ['id', 'minutesId', 'noteId', 'actionId', 'participantId', 'drawId', 'cardId', 'deckId', 'reviewId']) {
    if (typeof fields[key] === 'string') return fields[key];
  }
  return '';
}

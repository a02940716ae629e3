import type { MinutesVersion } from '@shared/domain/minutes';

type AuditEntry = MinutesVersion['audit'][number];

export interface VersionEvent {
  /** When it happened; for edits run together, the last of them. */
  at: string;
  words: string;
}

const count = (n: number, one: string, many: string) => `${n === 1 ? 'one' : n} ${n === 1 ? one : many}`;

/**
 * The audit of one version of the minutes in words an auditor can read years later: no method
 * names, a reason for every unlock, and the edits between two events told once.
 */
export function versionRecord(audit: readonly AuditEntry[]): VersionEvent[] {
  const events: VersionEvent[] = [];
  let edits = 0;
  let locks = 0;
  const flushEdits = (at: string) => {
    if (edits) events.push({ at, words: `The words were edited (${count(edits, 'save', 'saves')}).` });
    edits = 0;
  };
  audit.forEach((entry, index) => {
    const detail = entry.detail as { name?: unknown; side?: unknown; version?: number; amends?: number };
    const signaturesRemoved = Number(entry.detail.signaturesRemoved ?? 0);
    if (entry.action === 'minutes.saveProse') {
      edits += 1;
      const next = audit[index + 1];
      if (next?.action !== 'minutes.saveProse') flushEdits(entry.at);
      return;
    }
    const words = (() => {
      switch (entry.action) {
        case 'minutes.locked':
          locks += 1;
          return locks === 1
            ? 'Locked for signing: the words were fixed and their fingerprint taken.'
            : 'Locked again for signing, with the changed words and a new fingerprint.';
        case 'minutes.unlocked':
          return signaturesRemoved > 0
            ? `Unlocked to change the words. The ${count(signaturesRemoved, 'signature', 'signatures')} already given ${signaturesRemoved === 1 ? 'was' : 'were'} removed, since ${signaturesRemoved === 1 ? 'it was' : 'they were'} given for the earlier words.`
            : 'Unlocked to change the words; no one had signed yet.';
        case 'minutes.signed':
          return `Signed by ${typeof detail.name === 'string' ? detail.name : 'a signer'}${typeof detail.side === 'string' ? ` for the ${detail.side}` : ''}.`;
        case 'minutes.sealed':
          return 'Sealed with a digital signature, which shows any later change to the file.';
        case 'minutes.amended':
          return `Drafted as version ${detail.version ?? 'a new version'}, to correct version ${detail.amends ?? 'an earlier one'}.`;
        case 'minutes.exported':
          return 'Saved to share, with an email draft.';
        case 'minutes.countersignatureImported':
          return 'The other organisation’s countersignature was added.';
        default:
          return 'Another change was recorded in the audit trail.';
      }
    })();
    events.push({ at: entry.at, words });
  });
  return events;
}

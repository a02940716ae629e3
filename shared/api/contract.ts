import { z } from 'zod';
import { homeUpdateSchema, newHomeSchema, type Home } from '@shared/domain/homes';
import { byId, recordId } from '@shared/domain/ids';
import { newOrganisationSchema, organisationUpdateSchema, type Organisation } from '@shared/domain/organisations';
import { newPersonSchema, personUpdateSchema, type Person } from '@shared/domain/people';
import { newPlacementSchema, placementUpdateSchema, type Placement } from '@shared/domain/placements';
import { newReviewSchema, reviewFilterSchema, reviewUpdateSchema, type Review } from '@shared/domain/reviews';
import { searchQuerySchema, type SearchResults } from '@shared/domain/search';
import {
  actionRef,
  actionSchema,
  actionUpdateSchema,
  cardStateSchema,
  checkinSchema,
  concernReasonSchema,
  drawSchema,
  noteRef,
  noteSaveSchema,
  participantRef,
  participantSchema,
  planSchema,
  reviewRef,
  stageSchema,
  timerSchema,
  turnSchema,
  type Session,
} from '@shared/domain/sessions';
import type { CheckinHistoryEntry } from '@shared/domain/checkin-history';
import {
  confirmKeySchema,
  countersignSchema,
  importIdentitySchema,
  importSchema,
  keysSchema,
  receivedRef,
  minutesRef,
  proseSchema,
  sealSchema,
  signSchema,
  verifySchema,
  type ImportResult,
  type MinutesExport,
  type OrganisationKey,
  type MinutesVersion,
  type ReceivedMinutes,
  type SigningIdentitySummary,
  type VerifyReport,
} from '@shared/domain/minutes';
import { deckMethods } from '@shared/deck/contract';
import {
  backupChoiceSchema,
  backupKeepSchema,
  changePassphraseSchema,
  createVaultSchema,
  idleLockSchema,
  unlockSchema,
  type BackupPreview,
  type BackupSummary,
  type VaultStatus,
} from '@shared/domain/vault';
import { method, returns } from './define';
import { backupRestoreSchema, subjectAccessSchema, type BackupFile, type ExportedFile, type RestoreSummary } from '@shared/domain/backup';


const noInput = z.strictObject({});
const includeArchived = z.boolean({ message: 'includeArchived should be true or false.' }).optional();
const listInput = z.strictObject({ includeArchived });

export interface AuditVerification {
  entries: number;
  firstBroken: { seq: number; at: string; action: string; reason: string } | null;
}

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  caseBookFile: string;
  /** The case book's format; null while it is locked. */
  schemaVersion: number | null;
}

/**
 * Every call the renderer can make. The core validates each input with its schema before any
 * service runs; the renderer gets typed results and never sees a transport.
 */
export const contract = {
  'app.info': method('reads', 'About this installation: version and where its data lives.', noInput, returns<AppInfo>()),

  'vault.status': method('reads', 'Whether the case book is new, locked or unlocked.', noInput, returns<VaultStatus>()),
  'vault.create': method('audits', 'Choose the passphrase the case book is encrypted with.', createVaultSchema, returns<VaultStatus>()),
  'vault.unlock': method('audits', 'Unlock the case book with its passphrase.', unlockSchema, returns<VaultStatus>()),
  'vault.lock': method('audits', 'Lock the case book: the key is dropped until it is unlocked again.', noInput, returns<VaultStatus>()),
  'vault.changePassphrase': method('audits', 'Change the passphrase.', changePassphraseSchema, returns<VaultStatus>()),
  'vault.setIdleLock': method('audits', 'Lock the case book after this many minutes without use.', idleLockSchema, returns<VaultStatus>()),
  'vault.backups': method('reads', 'The encrypted backups on this computer, newest first.', noInput, returns<BackupSummary[]>()),
  'vault.backupNow': method('audits', 'Make an encrypted, checked backup now.', noInput, returns<BackupSummary[]>()),
  'vault.previewBackup': method('reads', 'What a backup holds, before restoring it.', backupChoiceSchema, returns<BackupPreview>()),
  'vault.restoreBackup': method('audits', 'Put a backup in the case book’s place; what is there now is backed up first.', backupChoiceSchema, returns<VaultStatus>()),
  'vault.setBackupsKept': method('audits', 'How many backups to keep.', backupKeepSchema, returns<VaultStatus>()),

  'organisations.list': method('reads', 'Organisations, by name.', listInput, returns<Organisation[]>()),
  'organisations.get': method('reads', 'One organisation.', byId, returns<Organisation>()),
  'organisations.create': method('writes', 'Add an organisation.', newOrganisationSchema, returns<Organisation>()),
  'organisations.update': method('writes', 'Change an organisation.', organisationUpdateSchema, returns<Organisation>()),
  'organisations.archive': method('writes', 'Archive an organisation: kept, but out of everyday lists.', byId, returns<Organisation>()),
  'organisations.restore': method('writes', 'Bring an archived organisation back.', byId, returns<Organisation>()),

  'homes.list': method('reads', 
    'Children’s homes, by name.',
    z.strictObject({ includeArchived, providerId: recordId().optional() }),
    returns<Home[]>(),
  ),
  'homes.get': method('reads', 'One home.', byId, returns<Home>()),
  'homes.create': method('writes', 'Add a children’s home run by a provider.', newHomeSchema, returns<Home>()),
  'homes.update': method('writes', 'Change a home.', homeUpdateSchema, returns<Home>()),
  'homes.archive': method('writes', 'Archive a home.', byId, returns<Home>()),
  'homes.restore': method('writes', 'Bring an archived home back.', byId, returns<Home>()),

  'people.list': method('reads', 
    'People, by name.',
    z.strictObject({ includeArchived, organisationId: recordId().optional() }),
    returns<Person[]>(),
  ),
  'people.get': method('reads', 'One person.', byId, returns<Person>()),
  'people.create': method('writes', 'Add a person.', newPersonSchema, returns<Person>()),
  'people.update': method('writes', 'Change a person.', personUpdateSchema, returns<Person>()),
  'people.archive': method('writes', 'Archive a person.', byId, returns<Person>()),
  'people.restore': method('writes', 'Bring an archived person back.', byId, returns<Person>()),

  'placements.list': method('reads', 
    'Placements, newest first.',
    z.strictObject({ includeArchived, homeId: recordId().optional(), placingAuthorityId: recordId().optional() }),
    returns<Placement[]>(),
  ),
  'placements.get': method('reads', 'One placement.', byId, returns<Placement>()),
  'placements.create': method('writes', 'Add a placement: a child, by reference, at a home.', newPlacementSchema, returns<Placement>()),
  'placements.update': method('writes', 'Change a placement.', placementUpdateSchema, returns<Placement>()),
  'placements.archive': method('writes', 'Archive a placement.', byId, returns<Placement>()),
  'placements.restore': method('writes', 'Bring an archived placement back.', byId, returns<Placement>()),

  'reviews.list': method('reads', 'Reviews, latest first, for a home, a placement or an organisation.', reviewFilterSchema, returns<Review[]>()),
  'reviews.get': method('reads', 'One review.', byId, returns<Review>()),
  'reviews.create': method('writes', 'Plan a review.', newReviewSchema, returns<Review>()),
  'reviews.update': method('writes', 'Change a review’s date, place, purpose or next review date.', reviewUpdateSchema, returns<Review>()),
  'reviews.archive': method('writes', 'Archive a review (for example one that was cancelled).', byId, returns<Review>()),
  'reviews.restore': method('writes', 'Bring an archived review back.', byId, returns<Review>()),

  'search.query': method('reads', 'Search the whole case book.', searchQuerySchema, returns<SearchResults>()),

  'backup.export': method('writes', 'The whole case book as one versioned backup file.', noInput, returns<ExportedFile>()),
  'backup.restore': method('audits', 'Restore a backup file into an empty case book.', backupRestoreSchema, returns<RestoreSummary>()),
  'subjectAccess.export': method('writes', 'Everything held about one child reference, as a readable file.', subjectAccessSchema, returns<ExportedFile>()),

  'sessions.get': method('reads', 'Everything about a review as it runs.', reviewRef, returns<Session>()),
  'sessions.plan': method('writes', 'Plan a review: affirmative topic, apologies, deck and time boxes.', planSchema, returns<Session>()),
  'sessions.addParticipant': method('writes', 'Add someone taking part, or sending apologies.', participantSchema, returns<Session>()),
  'sessions.removeParticipant': method('writes', 'Take someone off the list.', participantRef, returns<Session>()),
  'sessions.stage': method('writes', 'Move to another stage; its timer starts afresh, paused.', stageSchema, returns<Session>()),
  'sessions.turn': method('writes', 'Say whose turn it is.', turnSchema, returns<Session>()),
  'sessions.timer': method('writes', 'Start, pause, extend or reset the stage’s timer.', timerSchema, returns<Session>()),
  'sessions.draw': method('writes', 'Draw a card for this stage, or choose one.', drawSchema, returns<Session>()),
  'sessions.cardState': method('writes', 'Pin, skip, finish or go back to a drawn card.', cardStateSchema, returns<Session>()),
  'sessions.conclude': method('writes', 'Conclude the review and draft its minutes.', reviewRef, returns<Session>()),

  'notes.save': method('audits', 'Save a note as it is typed.', noteSaveSchema, returns<{ savedAt: string }>()),
  'notes.delete': method('writes', 'Delete a note (it can be brought back).', noteRef, returns<Session>()),
  'notes.restore': method('writes', 'Bring back a deleted note.', noteRef, returns<Session>()),
  'notes.concernReason': method('writes', 'Record why a concern needs no action.', concernReasonSchema, returns<Session>()),

  'actions.save': method('writes', 'Add or change an action.', actionSchema, returns<Session>()),
  'actions.delete': method('writes', 'Delete an action (it can be brought back).', actionRef, returns<Session>()),
  'actions.restore': method('writes', 'Bring back a deleted action.', actionRef, returns<Session>()),
  'actions.update': method('writes', 'Say where an earlier review’s action stands now.', actionUpdateSchema, returns<Session>()),

  'checkin.submit': method('writes', 'One side’s private check-in ratings.', checkinSchema, returns<Session>()),
  'checkin.history': method('reads', 
    'Check-in ratings across the reviews of a home, a placement or an organisation.',
    z.strictObject({ homeId: recordId().optional(), placementId: recordId().optional(), organisationId: recordId().optional() }),
    returns<CheckinHistoryEntry[]>(),
  ),

  'minutes.forReview': method('reads', 'Every version of a review’s minutes, oldest first.', reviewRef, returns<MinutesVersion[]>()),
  'minutes.get': method('reads', 'One version of the minutes.', minutesRef, returns<MinutesVersion>()),
  'minutes.saveProse': method('writes', 'Change the words of draft minutes.', proseSchema, returns<MinutesVersion>()),
  'minutes.lock': method('audits', 'Fix the minutes’ content and fingerprint, ready to sign.', minutesRef, returns<MinutesVersion>()),
  'minutes.unlock': method('audits', 'Back to a draft to change the words; signatures given are removed.', minutesRef, returns<MinutesVersion>()),
  'minutes.sign': method('audits', 'Sign locked minutes on this computer.', signSchema, returns<MinutesVersion>()),
  'minutes.seal': method('audits', 'Seal signed minutes as a digitally signed PDF.', sealSchema, returns<MinutesVersion>()),
  'minutes.amend': method('audits', 'Correct sealed minutes: a new version to sign and seal; the sealed one is kept.', minutesRef, returns<MinutesVersion>()),
  'minutes.export': method('audits', 'The sealed PDF and an email draft to share it.', minutesRef, returns<MinutesExport>()),
  'minutes.verify': method('reads', 'Check any PDF: is its digital signature valid, who sealed it, is it in this case book?', verifySchema, returns<VerifyReport>()),
  'minutes.import': method('audits', 
    'Keep sealed minutes, checked first: the other side’s beside the review they concern, or this case book’s own come back countersigned.',
    importSchema,
    returns<ImportResult>(),
  ),
  'minutes.received': method('reads', 'Minutes received from other organisations.', z.strictObject({}), returns<ReceivedMinutes[]>()),
  'minutes.countersign': method('audits', 'Countersign minutes received from the other organisation, with this computer’s key for ours.', countersignSchema, returns<ReceivedMinutes>()),
  'minutes.exportReceived': method('audits', 'Received minutes as they now are (countersigned), with an email draft to send them back.', receivedRef, returns<MinutesExport>()),

  'signing.identities': method('reads', 'The certificates this computer seals minutes with, by organisation.', z.strictObject({}), returns<SigningIdentitySummary[]>()),
  'signing.importIdentity': method('audits', 'Use an organisation’s own certificate (PKCS#12) to seal its minutes.', importIdentitySchema, returns<SigningIdentitySummary[]>()),
  'signing.keys': method('reads', 'The keys this case book knows each organisation seals with, by fingerprint.', keysSchema, returns<OrganisationKey[]>()),
  'signing.confirmKey': method('audits', 'Know a key for an organisation: its fingerprint, read out by that organisation.', confirmKeySchema, returns<OrganisationKey[]>()),

  'audit.verify': method('reads', 'Check the audit trail: every entry as written, each linked to the one before.', noInput, returns<AuditVerification>()),

  ...deckMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { BackupFile };

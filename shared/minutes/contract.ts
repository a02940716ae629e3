import { z } from 'zod';
import { method, returns } from '@shared/api/define';
import {
  confirmKeySchema,
  countersignSchema,
  importIdentitySchema,
  importSchema,
  keysSchema,
  minutesRef,
  proseSchema,
  receivedRef,
  sealSchema,
  signSchema,
  verifySchema,
  type ImportResult,
  type MinutesExport,
  type MinutesVersion,
  type OrganisationKey,
  type ReceivedMinutes,
  type SigningIdentitySummary,
  type VerifyReport,
} from '@shared/domain/minutes';
import { reviewRef } from '@shared/domain/sessions';

/** The minutes: draft, lock, sign, seal, export, check, import and countersign; the keys that seal them. */
export const minutesMethods = {
  'minutes.forReview': method(
    'reads',
    'Every version of a review’s minutes, oldest first.',
    reviewRef,
    returns<MinutesVersion[]>(),
  ),
  'minutes.get': method('reads', 'One version of the minutes.', minutesRef, returns<MinutesVersion>()),
  'minutes.saveProse': method('writes', 'Change the words of draft minutes.', proseSchema, returns<MinutesVersion>()),
  'minutes.lock': method(
    'audits',
    'Fix the minutes’ content and fingerprint, ready to sign.',
    minutesRef,
    returns<MinutesVersion>(),
  ),
  'minutes.unlock': method(
    'audits',
    'Back to a draft to change the words; signatures given are removed.',
    minutesRef,
    returns<MinutesVersion>(),
  ),
  'minutes.sign': method('audits', 'Sign locked minutes on this computer.', signSchema, returns<MinutesVersion>()),
  'minutes.seal': method(
    'audits',
    'Seal signed minutes as a digitally signed PDF.',
    sealSchema,
    returns<MinutesVersion>(),
  ),
  'minutes.amend': method(
    'audits',
    'Correct sealed minutes: a new version to sign and seal; the sealed one is kept.',
    minutesRef,
    returns<MinutesVersion>(),
  ),
  'minutes.export': method(
    'audits',
    'The sealed PDF and an email draft to share it.',
    minutesRef,
    returns<MinutesExport>(),
  ),
  'minutes.verify': method(
    'reads',
    'Check any PDF: is its digital signature valid, who sealed it, is it in this case book?',
    verifySchema,
    returns<VerifyReport>(),
  ),
  'minutes.import': method(
    'audits',
    'Keep sealed minutes, checked first: the other side’s beside the review they concern, or this case book’s own come back countersigned.',
    importSchema,
    returns<ImportResult>(),
  ),
  'minutes.received': method(
    'reads',
    'Minutes received from other organisations.',
    z.strictObject({}),
    returns<ReceivedMinutes[]>(),
  ),
  'minutes.countersign': method(
    'audits',
    'Countersign minutes received from the other organisation, with this computer’s key for ours.',
    countersignSchema,
    returns<ReceivedMinutes>(),
  ),
  'minutes.exportReceived': method(
    'audits',
    'Received minutes as they now are (countersigned), with an email draft to send them back.',
    receivedRef,
    returns<MinutesExport>(),
  ),
  'signing.identities': method(
    'reads',
    'The certificates this computer seals minutes with, by organisation.',
    z.strictObject({}),
    returns<SigningIdentitySummary[]>(),
  ),
  'signing.importIdentity': method(
    'audits',
    'Use an organisation’s own certificate (PKCS#12) to seal its minutes.',
    importIdentitySchema,
    returns<SigningIdentitySummary[]>(),
  ),
  'signing.keys': method(
    'reads',
    'The keys this case book knows each organisation seals with, by fingerprint.',
    keysSchema,
    returns<OrganisationKey[]>(),
  ),
  'signing.confirmKey': method(
    'audits',
    'Know a key for an organisation: its fingerprint, read out by that organisation.',
    confirmKeySchema,
    returns<OrganisationKey[]>(),
  ),
};

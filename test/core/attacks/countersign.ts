import type { SigningIdentity } from '@core/signing/types';
import { ascii, pdfString } from './pdf-bytes';
import { appendSignature, type SignatureDetails } from './sign';
import { tampers, type Tamper } from './tampers';

/**
 * Family 3: a countersignature whose incremental update also changes the document. The
 * countersignature itself is sound and covers the whole file; the seal is intact but no longer
 * covers what is shown.
 */

export const countersignDetails: SignatureDetails = {
  name: 'Jo Reid',
  reason: 'Countersigned: joint review minutes',
  location: 'Brightwater Care Ltd',
  signedAt: new Date('2026-12-04T14:00:00Z'),
  field: 'Countersignature1',
};

/** A countersignature and nothing else, written the same way: the control for this family. */
export function plainCountersignature(sealed: Buffer, signer: SigningIdentity): Promise<Buffer> {
  return appendSignature(sealed, signer, countersignDetails);
}

const countersignedWith = (tamper: Tamper) => (sealed: Buffer, signer: SigningIdentity) =>
  appendSignature(sealed, signer, countersignDetails, tamper);

/** A countersignature whose own widget is the change: nothing else in the update. */
const countersignedWithWidget = (widget: SignatureDetails['widget']) => (sealed: Buffer, signer: SigningIdentity) =>
  appendSignature(sealed, signer, { ...countersignDetails, widget });

const javaScript = `<< /S /JavaScript /JS ${pdfString("app.alert('Opened');")} >>`;

export const countersignAttacks = {
  pageReplaced: countersignedWith(tampers.replacePageContents),
  pageContentsRewritten: countersignedWith(tampers.rewritePageContents),
  pageAdded: countersignedWith(tampers.appendPage),
  minutesReplaced: countersignedWith(tampers.replaceMinutesFileSpec),
  freeTextAdded: countersignedWith(tampers.addFreeTextAnnotation),
  /** A visible signature widget whose appearance is a white box over the top of page 1. */
  widgetCoversPage: countersignedWithWidget({ rect: [40, 730, 560, 810], appearance: ascii('1 g 0 0 520 80 re f') }),
  /** An invisible widget that runs JavaScript when page 1 opens. */
  widgetRunsJavaScript: countersignedWithWidget({ extra: `/AA << /PO ${javaScript} >>` }),
  /** The seal's field, widget and /Perms removed and page 1 replaced: only the countersignature is left to see. */
  sealHidden: countersignedWith((update) => {
    tampers.hideSeal(update);
    tampers.replacePageContents(update);
  }),
};

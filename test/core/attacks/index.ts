/**
 * Hostile PDFs for the seal's verifier. Each builder takes a sealed PDF (made by any signer) and
 * returns a file that must not check as valid: incremental updates after the seal (incremental.ts),
 * tampering signed over again by an impostor (re-sign.ts), countersignatures that change the
 * document (countersign.ts), forged minutes (forged.ts), damage (damage.ts) and files over any
 * sensible budget (budget.ts). survey.ts prints what pdfsig, qpdf and mutool say of each.
 */
export { bombs, deflateBomb, manyObjectStreams, nesting, sealedMinutesBomb, xrefLoops, xrefPastEnd } from './budget';
export { countersignAttacks, countersignDetails, plainCountersignature } from './countersign';
export { damageAttacks, inPlaceAttacks, inPlaceMinutes, truncations, unsignedCopy } from './damage';
export { forgedApproval, forgedDocument, madeUpMinutes } from './forged';
export { minutesJson, minutesPdf, standInP12, standInSeal, withMacIterations } from './genuine';
export { certificateInCms, cmsSignature, freshIdentity, lookAlikeIdentity, type KeyAlgorithm } from './identities';
export { appendTamper, incrementalAttacks } from './incremental';
export { impostorDetails, reSignAttacks, sealerCertificate } from './re-sign';
export { appendSignature, type SignatureDetails } from './sign';
export { spokenInstead, structureAttacks } from './structure';
export { replacementLines, replacementMinutes, tampers, type Tamper, type TamperName } from './tampers';

import type { minutesMethods } from '@shared/minutes/contract';
import type { Handlers } from '@core/router';
import type { SessionContext } from '@core/sessions/context';
import { importOrganisationIdentity, listIdentities } from './identities';
import {
  amendMinutes,
  getMinutes,
  lockMinutes,
  minutesForReview,
  saveProse,
  signMinutes,
  unlockMinutes,
} from './minutes';
import { confirmKey, keysOf } from './keys';
import { countersignReceived, exportReceived, importMinutes, receivedMinutes, verifyMinutesPdf } from './received';
import { exportMinutes, sealMinutes, type MinutesPlatform } from './sealing';
import { getSharing, setSharing } from './sharing';

/** The minutes: draft, lock, sign, seal, export, verify, import, countersign and amend; the keys that seal them. */
export function minutesHandlers(
  context: SessionContext,
  platform: MinutesPlatform,
): Pick<Handlers, keyof typeof minutesMethods> {
  /** Tells every window the minutes changed, once the change is made. */
  const announced = <T>(value: T): T => {
    const emit = () => context.events.emit('minutes.changed', {});
    if (value instanceof Promise) return value.then((done: unknown) => (emit(), done)) as T;
    emit();
    return value;
  };
  return {
    'minutes.forReview': (input) => minutesForReview(context, input.reviewId),
    'minutes.get': (input) => getMinutes(context, input.minutesId),
    'minutes.saveProse': (input) => announced(saveProse(context, input)),
    'minutes.lock': (input) => announced(lockMinutes(context, input)),
    'minutes.unlock': (input) => announced(unlockMinutes(context, input)),
    'minutes.sign': (input) => announced(signMinutes(context, input)),
    'minutes.seal': (input) => announced(sealMinutes(context, platform, input)),
    'minutes.amend': (input) => announced(amendMinutes(context, input)),
    'minutes.export': (input) => exportMinutes(context, platform, input),
    'minutes.sharing': () => getSharing(context),
    'minutes.setSharing': (input) => setSharing(context, input),
    'minutes.verify': (input) => verifyMinutesPdf(context, input),
    'minutes.import': (input) => announced(importMinutes(context, input)),
    'minutes.received': () => receivedMinutes(context),
    'minutes.countersign': (input) => announced(countersignReceived(context, input)),
    'minutes.exportReceived': (input) => exportReceived(context, platform, input),
    'signing.keys': (input) => keysOf(context, input.organisation),
    'signing.confirmKey': (input) => announced(confirmKey(context, input.organisation, input.fingerprint)),
    'signing.identities': () => listIdentities(context),
    'signing.importIdentity': async (input) => {
      await importOrganisationIdentity(context, input.organisation, Buffer.from(input.p12, 'base64'), input.password);
      return announced(listIdentities(context));
    },
  };
}

import type { Handlers } from '../router';
import type { SessionContext } from '../sessions/context';
import { amendMinutes, getMinutes, lockMinutes, minutesForReview, saveProse, signMinutes, unlockMinutes } from './minutes';
import { exportMinutes, importMinutes, receivedMinutes, sealMinutes, verifyMinutesPdf, type MinutesPlatform } from './sealing';

type MinutesMethod = Extract<keyof Handlers, `minutes.${string}`>;

/** The minutes: draft, lock, sign, seal, export, verify, import and amend. */
export function minutesHandlers(context: SessionContext, platform: MinutesPlatform): Pick<Handlers, MinutesMethod> {
  return {
    'minutes.forReview': (input) => minutesForReview(context, input.reviewId),
    'minutes.get': (input) => getMinutes(context, input.minutesId),
    'minutes.saveProse': (input) => saveProse(context, input),
    'minutes.lock': (input) => lockMinutes(context, input),
    'minutes.unlock': (input) => unlockMinutes(context, input),
    'minutes.sign': (input) => signMinutes(context, input),
    'minutes.seal': (input) => sealMinutes(context, platform, input),
    'minutes.amend': (input) => amendMinutes(context, input),
    'minutes.export': (input) => exportMinutes(context, platform, input),
    'minutes.verify': (input) => verifyMinutesPdf(context, input),
    'minutes.import': (input) => importMinutes(context, input),
    'minutes.received': () => receivedMinutes(context),
  };
}

import * as zxcvbn from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { passphraseEstimatorFrom, setPassphraseEstimator } from '@shared/domain/vault';

/**
 * The core checks every new passphrase against the full dictionaries, loaded with the core: the
 * router validates synchronously, so they must be in place before the first call.
 */
export function registerPassphraseDictionaries(): void {
  setPassphraseEstimator(passphraseEstimatorFrom(zxcvbn, common, english));
}

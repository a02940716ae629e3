import { useEffect, useId, useRef } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { SignatureReport } from '@shared/domain/minutes';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { KeyStatus } from './SignatureReports';
import { organisationOf } from './signatureWords';

const notTicked = 'Tick to say you have compared this fingerprint, or choose not to import these minutes.';

/** The keys to confirm before an import, each with its fingerprint and a tick box for having compared it. */
export function KeysToConfirm(props: {
  keys: SignatureReport[];
  fileName: string;
  /** Fingerprints asked for and not ticked. */
  unticked: string[];
  /** The form's list of accepted fingerprints: each tick box adds its own. */
  registration: UseFormRegisterReturn;
  checkboxId: (fingerprint: string) => string;
  busy: boolean;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const one = props.keys.length === 1;

  return (
    <div className="confirm-keys" role="group" aria-labelledby="confirm-keys-heading">
      <h4 id="confirm-keys-heading" tabIndex={-1} ref={heading}>
        Confirm the {one ? 'key' : 'keys'} before importing {props.fileName}
      </h4>
      <p>
        The file is intact, but it is signed with {one ? 'a key' : 'keys'} this case book does not know for the
        organisation named. Ask each organisation to read out its key’s fingerprint (on the signature page of the
        minutes, or in their Settings) and compare it with the one here, group by group.
      </p>
      <ul className="keys-to-confirm">
        {props.keys.map((key) => (
          <KeyToConfirm
            key={key.fingerprint}
            signature={key}
            id={props.checkboxId(key.fingerprint)}
            error={props.unticked.includes(key.fingerprint) ? notTicked : undefined}
            registration={props.registration}
          />
        ))}
      </ul>
      <div className="form-buttons">
        <button type="submit" className="button" disabled={props.busy}>
          {props.busy ? 'Importing…' : one ? 'Import with this key accepted' : 'Import with these keys accepted'}
        </button>
        <button type="button" className="button button--link" disabled={props.busy} onClick={props.onCancel}>
          Do not import
        </button>
      </div>
    </div>
  );
}

function KeyToConfirm(props: {
  signature: SignatureReport;
  id: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const errorId = useId();
  const who = organisationOf(props.signature);
  return (
    <li className={props.error ? 'key-to-confirm key-to-confirm--error' : 'key-to-confirm'}>
      <p>
        <strong>{who}</strong>: <KeyStatus signature={props.signature} />.
      </p>
      <p>
        Fingerprint: <Fingerprint hex={props.signature.fingerprint} of={`${who}’s key`} />
      </p>
      {props.error && (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          id={props.id}
          value={props.signature.fingerprint}
          {...props.registration}
          aria-describedby={props.error ? errorId : undefined}
          aria-invalid={props.error ? true : undefined}
        />
        I have compared this fingerprint with the one {who} read out
      </label>
    </li>
  );
}

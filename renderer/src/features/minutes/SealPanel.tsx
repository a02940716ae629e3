import { useState } from 'react';
import type { MinutesVersion, PossibleName } from '@shared/domain/minutes';

/** Both sides have signed: one of the two organisations seals the minutes as a signed PDF. */
export function SealPanel({
  minutes,
  busy,
  onSeal,
}: {
  minutes: MinutesVersion;
  busy: boolean;
  onSeal: (organisation: string, notChildNames: string[]) => Promise<void>;
}) {
  const organisations = [minutes.content.subject.commissioner, minutes.content.subject.provider];
  const [organisation, setOrganisation] = useState(organisations[0]!);
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const names = minutes.possibleNames;

  function seal() {
    if (names.length && !confirmed) {
      setUnconfirmed(true);
      document.getElementById('not-child-names')?.focus();
      return;
    }
    void onSeal(organisation, confirmed ? names.map((name) => name.word) : []);
  }
  return (
    <div className="form form--plain" role="group" aria-labelledby="seal-heading">
      <h3 id="seal-heading">Seal the minutes</h3>
      <p>
        Sealing prints the minutes to PDF, attaches their content and signs the file digitally, so that any change to it
        shows.
      </p>
      <fieldset className="fieldset">
        <legend>Sealed by</legend>
        {organisations.map((name) => (
          <label key={name} className="radio">
            <input
              type="radio"
              name="sealing-organisation"
              checked={organisation === name}
              onChange={() => setOrganisation(name)}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      {names.length > 0 && (
        <PossibleNames
          names={names}
          confirmed={confirmed}
          unconfirmed={unconfirmed}
          onConfirm={(value) => (setConfirmed(value), setUnconfirmed(false))}
        />
      )}
      <button type="button" className="button" disabled={busy} onClick={seal}>
        {busy ? 'Sealing: printing and signing the PDF…' : 'Seal the minutes'}
      </button>
      {busy && (
        <p role="status" className="muted">
          Sealing takes a few seconds.
        </p>
      )}
    </div>
  );
}

/**
 * Words that may be a child's first name, shown before the minutes are sealed and shared: the
 * person confirms none is a child's name, or unlocks the minutes to change the words.
 */
export function PossibleNames({
  names,
  confirmed,
  unconfirmed,
  onConfirm,
}: {
  names: PossibleName[];
  confirmed: boolean;
  unconfirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  return (
    <div className={unconfirmed ? 'warning field--error' : 'warning'}>
      <p>
        <strong>These words may be a child’s name.</strong> The minutes should name a child only by their reference.
      </p>
      <ul>
        {names.map((name) => (
          <li key={name.word}>
            “{name.word}”, in {name.where.join(', ')}
          </li>
        ))}
      </ul>
      {unconfirmed && (
        <p id="not-child-names-error" className="field-error">
          <span className="visually-hidden">Error: </span>Confirm that none of these words is a child’s name, or unlock
          the minutes and change the words.
        </p>
      )}
      <label className="checkbox">
        <input
          id="not-child-names"
          type="checkbox"
          checked={confirmed}
          aria-invalid={unconfirmed || undefined}
          aria-describedby={unconfirmed ? 'not-child-names-error' : undefined}
          onChange={(event) => onConfirm(event.target.checked)}
        />
        None of these words is a child’s name
      </label>
    </div>
  );
}

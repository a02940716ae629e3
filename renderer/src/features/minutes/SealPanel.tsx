import { useState } from 'react';
import type { MinutesVersion } from '@shared/domain/minutes';

/** Both sides have signed: one of the two organisations seals the minutes as a signed PDF. */
export function SealPanel({
  minutes,
  busy,
  onSeal,
}: {
  minutes: MinutesVersion;
  busy: boolean;
  onSeal: (organisation: string) => Promise<void>;
}) {
  const organisations = [minutes.content.subject.commissioner, minutes.content.subject.provider];
  const [organisation, setOrganisation] = useState(organisations[0]!);
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
      <button type="button" className="button" disabled={busy} onClick={() => void onSeal(organisation)}>
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

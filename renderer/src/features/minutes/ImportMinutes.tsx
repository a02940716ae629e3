import { useEffect, useId, useRef, useState } from 'react';
import type { ImportResult, SignatureReport, VerifyReport } from '@shared/domain/minutes';
import { ApiCallError, api, errorMessage } from '@renderer/api/client';
import { hrefFor } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { StatusMessage } from '@renderer/ui/Screen';
import { readPdf, type ChosenPdf } from './readPdf';
import { KeyStatus } from './SignatureReports';
import { organisationOf } from './signatureWords';

interface Pending extends ChosenPdf {
  /** One signature for each key to confirm. */
  keys: SignatureReport[];
}

const notTicked = 'Tick to say you have compared this fingerprint, or choose not to import these minutes.';

/**
 * Imports sealed minutes: the other side's, or this case book's own come back countersigned. When
 * the core asks for keys to be confirmed, each is shown with its fingerprint to compare with the
 * one its organisation reads out, and the import runs again with those keys accepted.
 */
export function ImportMinutes({ onImported }: { onImported: (result: ImportResult) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [compared, setCompared] = useState<string[]>([]);
  const [unticked, setUnticked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (pending) heading.current?.focus();
  }, [pending]);

  async function run(file: ChosenPdf, acceptKeys: string[]) {
    setBusy(true);
    setFileError(null);
    setStatus(null);
    setResult(null);
    try {
      const done = await api.call('minutes.import', { pdf: file.pdf, fileName: file.fileName, acceptKeys });
      setPending(null);
      setCompared([]);
      if (input.current) input.current.value = '';
      setResult(done);
      setStatus(done.message);
      onImported(done);
    } catch (error) {
      const keys = error instanceof ApiCallError && error.body.code === 'conflict' && error.body.fields?.acceptKeys ? await keysToConfirm(file) : [];
      if (keys.length > 0) {
        setPending({ pdf: file.pdf, fileName: file.fileName, keys });
        setUnticked([]);
      } else {
        setPending(null);
        setFileError(errorMessage(error));
        input.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    setPending(null);
    setCompared([]);
    const file = await readPdf(input.current);
    if (!file) {
      setFileError('Choose the sealed minutes to import: a PDF file.');
      input.current?.focus();
      return;
    }
    await run(file, []);
  }

  function importAccepted() {
    if (!pending) return;
    const missing = pending.keys.map((k) => k.fingerprint).filter((fingerprint) => !compared.includes(fingerprint));
    setUnticked(missing);
    if (missing.length > 0) {
      document.getElementById(checkboxId(missing[0]!))?.focus();
      return;
    }
    void run(pending, pending.keys.map((k) => k.fingerprint));
  }

  function cancel() {
    setPending(null);
    setCompared([]);
    setStatus('Not imported: nothing has changed.');
    input.current?.focus();
  }

  return (
    <div className="form form--plain" role="group" aria-labelledby="import-heading">
      <h3 id="import-heading">Import sealed minutes</h3>
      <p>The other organisation’s minutes are kept beside the review they concern. This case book’s own minutes, come back countersigned, have the countersignature recorded with them.</p>
      <Field label="Sealed minutes to import" error={fileError ?? undefined}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/pdf,.pdf"
            ref={input}
            onChange={() => {
              setPending(null);
              setFileError(null);
            }}
          />
        )}
      </Field>
      {!pending && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void start()}>
          {busy ? 'Checking and importing…' : 'Import these minutes'}
        </button>
      )}
      {pending && (
        <div className="confirm-keys" role="group" aria-labelledby="confirm-keys-heading">
          <h4 id="confirm-keys-heading" tabIndex={-1} ref={heading}>
            Confirm the {pending.keys.length === 1 ? 'key' : 'keys'} before importing {pending.fileName}
          </h4>
          <p>
            The file is intact, but it is signed with {pending.keys.length === 1 ? 'a key' : 'keys'} this case book does not know for the organisation named. Ask each
            organisation to read out its key’s fingerprint (on the signature page of the minutes, or in their Settings) and compare it with the one here, group by group.
          </p>
          <ul className="keys-to-confirm">
            {pending.keys.map((key) => (
              <KeyToConfirm
                key={key.fingerprint}
                signature={key}
                checked={compared.includes(key.fingerprint)}
                error={unticked.includes(key.fingerprint) && !compared.includes(key.fingerprint) ? notTicked : undefined}
                onChange={(checked) => setCompared((list) => (checked ? [...list, key.fingerprint] : list.filter((f) => f !== key.fingerprint)))}
              />
            ))}
          </ul>
          <div className="form-buttons">
            <button type="button" className="button" disabled={busy} onClick={importAccepted}>
              {busy ? 'Importing…' : pending.keys.length === 1 ? 'Import with this key accepted' : 'Import with these keys accepted'}
            </button>
            <button type="button" className="button button--link" disabled={busy} onClick={cancel}>
              Do not import
            </button>
          </div>
        </div>
      )}
      <StatusMessage message={status} />
      {result?.countersigned && (
        <p>
          <a href={hrefFor('reviews', result.countersigned.reviewId, 'minutes')}>See the countersignature with version {result.countersigned.version} of the minutes</a>
        </p>
      )}
    </div>
  );
}

const checkboxId = (fingerprint: string) => `compared-${fingerprint}`;

function KeyToConfirm(props: { signature: SignatureReport; checked: boolean; error?: string; onChange: (checked: boolean) => void }) {
  const id = useId();
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
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          id={checkboxId(props.signature.fingerprint)}
          checked={props.checked}
          aria-describedby={props.error ? `${id}-error` : undefined}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        I have compared this fingerprint with the one {who} read out
      </label>
    </li>
  );
}

/** The keys a file's signatures are made with that this case book does not know for the organisation they name. */
async function keysToConfirm(file: ChosenPdf): Promise<SignatureReport[]> {
  let report: VerifyReport;
  try {
    report = await api.call('minutes.verify', { pdf: file.pdf });
  } catch {
    return [];
  }
  return report.keysToConfirm.flatMap((fingerprint) => report.signatures.find((s) => s.fingerprint === fingerprint) ?? []);
}

import { useRef, useState } from 'react';
import { formatDate } from '@shared/format/dates';
import { api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { readFileAsBase64 } from '@renderer/ui/download';
import { Field } from '@renderer/ui/Field';
import { RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { KnownKeysPanel } from './KnownKeysPanel';

/**
 * The certificates minutes are sealed with: this installation's own, made at first use, or an
 * organisation's own certificate imported here.
 */
export function CertificatesPanel() {
  const identities = useApiQuery('signing.identities', {});
  const keys = useApiQuery('signing.keys', {});
  const [organisation, setOrganisation] = useState('');
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  async function importCertificate() {
    setStatus(null);
    setFailure(null);
    const chosen = file.current?.files?.[0];
    if (!chosen) return setFailure('Choose a certificate file (.p12 or .pfx).');
    try {
      await api.call('signing.importIdentity', { organisation, p12: await readFileAsBase64(chosen), password });
      identities.reload();
      keys.reload();
      setPassword('');
      setStatus(`From now on, minutes sealed for ${organisation} use this certificate.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <>
      <Section id="certificates-heading" title="Sealing certificates">
        <p>Minutes are sealed with a certificate naming the organisation and this computer, made the first time it seals. An organisation can use its own certificate instead.</p>
        {identities.data && (
          <RecordTable
            caption="Sealing certificates"
            rows={identities.data}
            empty={<p>None yet: one is made the first time minutes are sealed.</p>}
            columns={[
              { header: 'Organisation', cell: (i) => i.organisation },
              { header: 'Certificate', cell: (i) => `${i.subject}${i.kind === 'imported' ? ' (the organisation’s own)' : ' (this computer’s)'}` },
              { header: 'Since', cell: (i) => formatDate(i.createdAt) },
            ]}
          />
        )}
        <div className="form form--plain" role="group" aria-labelledby="import-certificate-heading">
          <h3 id="import-certificate-heading">Use an organisation’s own certificate</h3>
          <ErrorMessage message={failure} />
          <Field label="Organisation">{(control) => <input {...control} value={organisation} onChange={(event) => setOrganisation(event.target.value)} />}</Field>
          <div className="field">
            <label htmlFor="certificate-file">Certificate file (.p12 or .pfx)</label>
            <input id="certificate-file" type="file" accept=".p12,.pfx,application/x-pkcs12" ref={file} />
          </div>
          <Field label="Password">{(control) => <input {...control} type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} />}</Field>
          <button type="button" className="button button--secondary" onClick={() => void importCertificate()}>
            Use this certificate
          </button>
          <StatusMessage message={status} />
        </div>
      </Section>
      <KnownKeysPanel keys={keys} />
    </>
  );
}

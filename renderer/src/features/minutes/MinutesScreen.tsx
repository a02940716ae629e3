import { useState } from 'react';
import type { MinutesVersion } from '@shared/domain/minutes';
import { sideLabels } from '@shared/domain/sessions';
import { formatDateTime } from '@shared/format/dates';
import { api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { offerBase64Download } from '@renderer/ui/download';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { MinutesView } from './MinutesView';
import { ProseForm } from './ProseForm';
import { SealPanel } from './SealPanel';
import { SignForm } from './SignForm';
import './minutes.css';

const statusLabels = { draft: 'Draft', locked: 'Locked for signing', sealed: 'Sealed' } as const;

/** #/reviews/<id>/minutes: the minutes of a concluded review, from draft to sealed, and every version. */
export function MinutesScreen({ reviewId }: { reviewId: string }) {
  const review = useApiQuery('reviews.get', { id: reviewId });
  const versions = useApiQuery('minutes.forReview', { reviewId });
  const session = useApiQuery('sessions.get', { reviewId });
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [signing, setSigning] = useState<'commissioner' | 'provider' | 'facilitator' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (review.status !== 'ready' || versions.status !== 'ready') return <ErrorMessage message={review.error ?? versions.error ?? null} />;
  const all = versions.data;
  if (all.length === 0) {
    return (
      <Screen title={`Minutes: ${review.data.title}`}>
        <p className="empty-state">There are no minutes yet: they are drafted when the review is concluded.</p>
      </Screen>
    );
  }
  const current = all.at(-1)!;
  const minutes = all.find((v) => v.version === (shownVersion ?? current.version)) ?? current;
  const isCurrent = minutes.id === current.id;

  async function act(work: () => Promise<MinutesVersion>, done: string) {
    setBusy(true);
    setFailure(null);
    setStatus(null);
    try {
      await work();
      versions.reload();
      setShownVersion(null);
      setStatus(done);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const present = (side: string) => session.data?.participants.find((p) => p.side === side && p.attendance === 'present');
  const suggested = (side: string) => {
    const person = present(side);
    return { name: person?.name ?? '', role: person?.role ?? '', organisation: person?.organisation ?? '' };
  };

  return (
    <Screen title={`Minutes: ${review.data.title}`}>
      <p>
        <a href={hrefFor('reviews', reviewId)}>Back to the review</a>
      </p>
      {all.length > 1 && (
        <nav aria-label="Versions" className="toolbar">
          {all.map((v) => (
            <button key={v.id} type="button" className="button button--toggle" aria-pressed={v.id === minutes.id} onClick={() => setShownVersion(v.version)}>
              Version {v.version} ({statusLabels[v.status].toLowerCase()})
            </button>
          ))}
        </nav>
      )}
      <dl className="details minutes-status">
        <div className="details-row">
          <dt>Version</dt>
          <dd>{minutes.version}</dd>
        </div>
        <div className="details-row">
          <dt>Status</dt>
          <dd>{statusLabels[minutes.status]}</dd>
        </div>
        {minutes.fingerprint && (
          <div className="details-row">
            <dt>Fingerprint</dt>
            <dd>
              <code>{minutes.fingerprint}</code>
            </dd>
          </div>
        )}
        {minutes.sealedAt && (
          <div className="details-row">
            <dt>Sealed</dt>
            <dd>
              {formatDateTime(minutes.sealedAt)} by {minutes.sealedBy}
            </dd>
          </div>
        )}
        {minutes.sealKey && (
          <div className="details-row">
            <dt>Sealing key</dt>
            <dd>
              <Fingerprint hex={minutes.sealKey} of="the sealing key" />
            </dd>
          </div>
        )}
      </dl>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />

      {isCurrent && minutes.status === 'draft' && (
        <section aria-labelledby="draft-heading" className="panel">
          <h2 id="draft-heading">Words of the draft</h2>
          <p>People, concerns and actions follow the review. Write the words around them here, then lock the minutes for signing.</p>
          <ProseForm key={minutes.id} minutes={minutes} onSaved={versions.reload} />
          <div className="toolbar">
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.call('minutes.lock', { minutesId: minutes.id }), 'The minutes are locked: they can now be signed.')}>
              Lock the minutes for signing
            </button>
          </div>
        </section>
      )}

      {isCurrent && minutes.status === 'locked' && (
        <section aria-labelledby="sign-heading" className="panel">
          <h2 id="sign-heading">Signatures</h2>
          <ul className="signatures">
            {minutes.signatures.map((s) => (
              <li key={s.id}>
                Signed by <strong>{s.name}</strong> for the {sideLabels[s.side].toLowerCase()}, {formatDateTime(s.signedAt)}
                {s.image ? ' (drawn signature)' : ' (typed signature)'}
              </li>
            ))}
          </ul>
          {signing ? (
            <SignForm
              key={signing}
              minutes={minutes}
              side={signing}
              suggested={suggested(signing)}
              onCancel={() => setSigning(null)}
              onSigned={() => {
                versions.reload();
                setSigning(null);
                setStatus(`Signed for the ${signing}.`);
              }}
            />
          ) : (
            <div className="toolbar">
              {minutes.awaiting.map((side) => (
                <button key={side} type="button" className="button" onClick={() => setSigning(side)}>
                  Sign for the {side}
                </button>
              ))}
              {minutes.awaiting.length === 0 && !minutes.signatures.some((s) => s.side === 'facilitator') && (
                <button type="button" className="button button--secondary" onClick={() => setSigning('facilitator')}>
                  Sign as facilitator (optional)
                </button>
              )}
              <button type="button" className="button button--link" disabled={busy} onClick={() => void act(() => api.call('minutes.unlock', { minutesId: minutes.id }), 'The minutes are a draft again. Any signatures were removed.')}>
                Unlock to change the words
              </button>
            </div>
          )}
          {minutes.awaiting.length === 0 && !signing && (
            <SealPanel minutes={minutes} busy={busy} onSeal={(organisation) => act(() => api.call('minutes.seal', { minutesId: minutes.id, organisation }), 'The minutes are sealed.')} />
          )}
        </section>
      )}

      {minutes.status === 'sealed' && (
        <section aria-labelledby="sealed-heading" className="panel">
          <h2 id="sealed-heading">Sealed minutes</h2>
          <Countersignatures minutes={minutes} />
          <ExportButton minutes={minutes} />
          {isCurrent && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void act(() => api.call('minutes.amend', { minutesId: minutes.id }), `Version ${minutes.version + 1} is a draft: correct it, then sign and seal it again. Version ${minutes.version} is kept.`)}>
              Amend: make version {minutes.version + 1}
            </button>
          )}
        </section>
      )}

      <section aria-labelledby="content-heading" className="panel">
        <h2 id="content-heading">The minutes</h2>
        <MinutesView content={minutes.content} />
      </section>
    </Screen>
  );
}

/** The other organisation's countersignatures, recorded when the countersigned file came back. */
function Countersignatures({ minutes }: { minutes: MinutesVersion }) {
  if (minutes.countersignatures.length === 0) {
    return (
      <p>
        Not countersigned yet. Send the PDF to the other organisation; when it comes back countersigned, import it under{' '}
        <a href={hrefFor('reviews')}>Reviews, Minutes received from other organisations</a>.
      </p>
    );
  }
  return (
    <>
      <h3 id="countersignatures-heading">Countersignatures</h3>
      <ul className="countersignatures" aria-labelledby="countersignatures-heading">
        {minutes.countersignatures.map((c) => (
          <li key={`${c.fingerprint}-${c.signedAt ?? ''}-${c.importedAt}`}>
            <p>
              Countersigned by <strong>{c.signer}</strong>, for {c.organisation || 'an organisation it does not name'}
              {c.signedAt ? `, ${formatDateTime(c.signedAt)}` : ''}. Recorded here {formatDateTime(c.importedAt)}.
            </p>
            <p>
              Key fingerprint: <Fingerprint hex={c.fingerprint} of={`${c.organisation}’s key`} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ExportButton({ minutes }: { minutes: MinutesVersion }) {
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function run() {
    setFailure(null);
    try {
      const result = await api.call('minutes.export', { minutesId: minutes.id });
      if (result.savedTo) {
        setStatus(`Saved in ${result.savedTo}: the PDF and an email draft, opened in your mail program.`);
        return;
      }
      result.files.forEach(offerBase64Download);
      setStatus(`Downloaded ${result.files.map((f) => f.fileName).join(' and ')}. Open the .eml file to send the minutes from your mail program.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }
  return (
    <div className="toolbar">
      <button type="button" className="button" onClick={() => void run()}>
        Export the PDF and an email draft
      </button>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
    </div>
  );
}

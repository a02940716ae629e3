import { useRef, useState } from 'react';
import type { MethodInput } from '@shared/api/contract';
import { sideLabels } from '@shared/domain/sessions';
import { formatDateTime } from '@shared/format/dates';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { focusAfter } from '@renderer/ui/focusAfter';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { MinutesDocument } from '@shared/minutes/MinutesDocument';
import { ProseForm, type ProseWords } from './ProseForm';
import { Countersignatures, ExportButton } from './SealedMinutes';
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
  const [signed, setSigned] = useState<string | null>(null);
  const { run, busy, failure, status } = useApiMutation();
  /** The words as they stand in the draft's form, saved or not: locking must never drop them. */
  const wordsNowRef = useRef<(() => ProseWords) | null>(null);

  if (review.status !== 'success' || versions.status !== 'success')
    return <ErrorMessage message={failureOf(review, versions)} />;
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

  /**
   * Lock, unlock, seal or amend: each moves the minutes on, and the newest version is shown. The
   * button pressed goes with the step it belonged to, so the keyboard moves to the heading of the
   * step now on screen (`next`, an id), unless the person has moved on meanwhile.
   */
  async function act<M extends 'minutes.lock' | 'minutes.unlock' | 'minutes.seal' | 'minutes.amend'>(
    method: M,
    input: MethodInput<M>,
    done: string,
    next: 'draft-heading' | 'sign-heading' | 'sealed-heading',
  ) {
    setSigned(null);
    const moved = run(method, input, { success: done }).then((output) => Boolean(output));
    focusAfter(moved, () => document.getElementById(next));
    if (await moved) setShownVersion(null);
  }

  /** Saves the words as they stand, then locks: what was typed but not yet saved is in what is signed. */
  async function lockWithTheirWords(minutesId: string) {
    const words = wordsNowRef.current?.();
    if (words && !(await run('minutes.saveProse', words))) return;
    await act('minutes.lock', { minutesId }, 'The minutes are locked: they can now be signed.', 'sign-heading');
  }

  const present = (side: string) =>
    session.data?.participants.find((p) => p.side === side && p.attendance === 'present');
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
            <button
              key={v.id}
              type="button"
              className="button button--toggle"
              aria-pressed={v.id === minutes.id}
              onClick={() => setShownVersion(v.version)}
            >
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
      <StatusMessage message={signed ?? status} />

      {isCurrent && minutes.status === 'draft' && (
        <section aria-labelledby="draft-heading" className="panel">
          <h2 id="draft-heading" tabIndex={-1}>
            Words of the draft
          </h2>
          <p>
            People, concerns and actions follow the review. Write the words around them here, then lock the minutes for
            signing.
          </p>
          <ProseForm key={minutes.id} minutes={minutes} wordsNowRef={wordsNowRef} />
          <div className="toolbar">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void lockWithTheirWords(minutes.id)}
            >
              Lock the minutes for signing
            </button>
          </div>
        </section>
      )}

      {isCurrent && minutes.status === 'locked' && (
        <section aria-labelledby="sign-heading" className="panel">
          <h2 id="sign-heading" tabIndex={-1}>
            Signatures
          </h2>
          <ul className="signatures">
            {minutes.signatures.map((s) => (
              // Focusable, so the keyboard can land on a signature just given.
              <li key={s.id} id={`signature-${s.side}`} tabIndex={-1}>
                Signed by <strong>{s.name}</strong> for the {sideLabels[s.side].toLowerCase()},{' '}
                {formatDateTime(s.signedAt)}
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
                // The form goes: the keyboard goes to the signature it added.
                const side = signing;
                focusAfter(Promise.resolve(), () => document.getElementById(`signature-${side}`));
                setSigning(null);
                setSigned(`Signed for the ${signing}.`);
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
              <button
                type="button"
                className="button button--link"
                disabled={busy}
                onClick={() =>
                  void act(
                    'minutes.unlock',
                    { minutesId: minutes.id },
                    'The minutes are a draft again. Any signatures were removed.',
                    'draft-heading',
                  )
                }
              >
                Unlock to change the words
              </button>
            </div>
          )}
          {minutes.awaiting.length === 0 && !signing && (
            <SealPanel
              minutes={minutes}
              busy={busy}
              onSeal={(organisation, notChildNames) =>
                act(
                  'minutes.seal',
                  { minutesId: minutes.id, organisation, notChildNames },
                  'The minutes are sealed.',
                  'sealed-heading',
                )
              }
            />
          )}
        </section>
      )}

      {minutes.status === 'sealed' && (
        <section aria-labelledby="sealed-heading" className="panel">
          <h2 id="sealed-heading" tabIndex={-1}>
            Sealed minutes
          </h2>
          <Countersignatures minutes={minutes} />
          <ExportButton minutes={minutes} />
          {isCurrent && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                void act(
                  'minutes.amend',
                  { minutesId: minutes.id },
                  `Version ${minutes.version + 1} is a draft: correct it, then sign and seal it again. Version ${minutes.version} is kept.`,
                  'draft-heading',
                )
              }
            >
              Amend: make version {minutes.version + 1}
            </button>
          )}
        </section>
      )}

      <section aria-labelledby="content-heading" className="panel">
        <h2 id="content-heading">The minutes</h2>
        <MinutesDocument content={minutes.content} level={3} />
      </section>
    </Screen>
  );
}

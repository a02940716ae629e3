import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { agreementStatement, type MinutesVersion } from '@shared/domain/minutes';
import { sideLabels } from '@shared/domain/sessions';
import { ApiCallError, api, errorMessage } from '@renderer/api/client';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage } from '@renderer/ui/Screen';

type Side = 'commissioner' | 'provider' | 'facilitator';

/**
 * One signer on the laptop: their typed name, a drawn signature (or their typed name as the
 * signature, for keyboard users), and their agreement that the minutes are an accurate record.
 */
export function SignForm(props: {
  minutes: MinutesVersion;
  side: Side;
  suggested: { name: string; role: string; organisation: string };
  onSigned: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.suggested.name);
  const [role, setRole] = useState(props.suggested.role);
  const [organisation, setOrganisation] = useState(props.suggested.organisation);
  const [typed, setTyped] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    if (typed || !canvas.current) return;
    const surface = canvas.current;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    surface.width = surface.offsetWidth * ratio;
    surface.height = surface.offsetHeight * ratio;
    surface.getContext('2d')?.scale(ratio, ratio);
    pad.current = new SignaturePad(surface, { penColor: '#1f2328', backgroundColor: 'rgb(255, 255, 255)' });
    return () => {
      pad.current?.off();
      pad.current = null;
    };
  }, [typed]);

  async function sign() {
    const found: Record<string, string> = {};
    if (name.trim().length < 2) found.name = 'Type your full name.';
    if (!typed && (!pad.current || pad.current.isEmpty())) found.image = 'Draw your signature in the box, or choose to type it instead.';
    if (!agreed) found.agreed = 'Tick to agree that these minutes are an accurate record of the meeting.';
    setProblems(found);
    if (Object.keys(found).length) return;
    try {
      const image = typed ? null : pad.current!.toDataURL('image/png');
      await api.call('minutes.sign', { minutesId: props.minutes.id, side: props.side, name, role, organisation, image, agreed: true, fingerprint: props.minutes.fingerprint! });
      props.onSigned();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiCallError && error.body.fields) setProblems(error.body.fields);
    }
  }

  const who = sideLabels[props.side].toLowerCase();
  return (
    <div className="form form--plain sign-form" role="group" aria-label={`Signature for the ${who}`}>
      <ErrorMessage message={failure} />
      <Field label="Your full name" error={problems.name}>
        {(control) => <input {...control} value={name} autoComplete="name" onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="Your role (optional)">{(control) => <input {...control} value={role} onChange={(event) => setRole(event.target.value)} />}</Field>
      <Field label="Your organisation (optional)">{(control) => <input {...control} value={organisation} onChange={(event) => setOrganisation(event.target.value)} />}</Field>
      <label className="checkbox">
        <input type="checkbox" checked={typed} onChange={(event) => setTyped(event.target.checked)} />
        Type my name as my signature instead of drawing it
      </label>
      {!typed && (
        <div className={problems.image ? 'field field--error' : 'field'}>
          <p id={`pad-${props.side}`} className="field-label">
            Draw your signature in the box
          </p>
          {problems.image && <p className="field-error">{problems.image}</p>}
          <canvas ref={canvas} className="signature-pad" role="img" aria-labelledby={`pad-${props.side}`} />
          <button type="button" className="button button--link" onClick={() => pad.current?.clear()}>
            Clear the signature
          </button>
        </div>
      )}
      <div className={problems.agreed ? 'field field--error' : 'field'}>
        {problems.agreed && <p className="field-error">{problems.agreed}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          {agreementStatement}
        </label>
      </div>
      <p className="muted">You sign the minutes with the fingerprint {props.minutes.fingerprint}.</p>
      <div className="form-buttons">
        <button type="button" className="button" onClick={() => void sign()}>
          Sign for the {who}
        </button>
        <button type="button" className="button button--link" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

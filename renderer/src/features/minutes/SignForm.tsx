import { useEffect, useRef, useState, type FormEvent } from 'react';
import SignaturePad from 'signature_pad';
import { agreementStatement, signSchema, type MinutesVersion } from '@shared/domain/minutes';
import { sideLabels } from '@shared/domain/sessions';
import { ErrorMessage } from '@renderer/ui/Screen';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

type Side = 'commissioner' | 'provider' | 'facilitator';

/** What the signer fills in; the minutes, the side and the fingerprint they saw come from the screen. */
const signerSchema = signSchema.omit({ minutesId: true, side: true, fingerprint: true });
const drawIt = 'Draw your signature in the box, or choose to type it instead.';

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
  const [typed, setTyped] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const { form, onSubmit, failure } = useApiForm({
    schema: signerSchema,
    defaultValues: { ...props.suggested, image: null, agreed: false as never },
    submit: async (values, call) => {
      await call('minutes.sign', {
        ...values,
        minutesId: props.minutes.id,
        side: props.side,
        fingerprint: props.minutes.fingerprint!,
      });
      props.onSigned();
    },
  });
  const { errors, isSubmitting } = form.formState;

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

  /** The drawing is read from the pad as the form is sent; an empty pad is asked for in plain words. */
  async function sign(event: FormEvent) {
    const drawn = !typed && pad.current && !pad.current.isEmpty() ? pad.current.toDataURL('image/png') : null;
    form.setValue('image', typed ? null : (drawn ?? (undefined as never)));
    await onSubmit(event);
    if (!typed && !drawn) form.setError('image', { message: drawIt });
  }

  const who = sideLabels[props.side].toLowerCase();
  return (
    <form className="form form--plain sign-form" onSubmit={(event) => void sign(event)} noValidate>
      <div role="group" aria-label={`Signature for the ${who}`}>
        <ErrorMessage message={failure} />
        <TextField
          label="Your full name"
          error={errors.name?.message}
          registration={form.register('name')}
          autoComplete="name"
        />
        <TextField label="Your role (optional)" error={errors.role?.message} registration={form.register('role')} />
        <TextField
          label="Your organisation (optional)"
          error={errors.organisation?.message}
          registration={form.register('organisation')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={typed} onChange={(event) => setTyped(event.target.checked)} />
          Type my name as my signature instead of drawing it
        </label>
        {!typed && (
          <div className={errors.image ? 'field field--error' : 'field'}>
            <p id={`pad-${props.side}`} className="field-label">
              Draw your signature in the box
            </p>
            {errors.image && <p className="field-error">{errors.image.message}</p>}
            <canvas ref={canvas} className="signature-pad" role="img" aria-labelledby={`pad-${props.side}`} />
            <button type="button" className="button button--link" onClick={() => pad.current?.clear()}>
              Clear the signature
            </button>
          </div>
        )}
        <div className={errors.agreed ? 'field field--error' : 'field'}>
          {errors.agreed && <p className="field-error">{errors.agreed.message}</p>}
          <label className="checkbox">
            <input type="checkbox" {...form.register('agreed')} />
            {agreementStatement}
          </label>
        </div>
        <p className="muted">You sign the minutes with the fingerprint {props.minutes.fingerprint}.</p>
        <div className="form-buttons">
          <button type="submit" className="button" disabled={isSubmitting}>
            Sign for the {who}
          </button>
          <button type="button" className="button button--link" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';

/** A labelled select, with a first option that asks for a choice (the placeholder) when there is one. */
export function SelectField(props: {
  label: string;
  hint?: string;
  error?: string;
  placeholder?: string;
  options: { value: string; label: string }[];
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select {...control} {...props.registration}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextField(props: {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'datetime-local';
  short?: boolean;
  autoComplete?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          {...props.registration}
          type={props.type ?? 'text'}
          className={props.short ? 'input--short' : undefined}
          autoComplete={props.autoComplete ?? 'off'}
        />
      )}
    </Field>
  );
}

export function TextAreaField(props: {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => <textarea {...control} {...props.registration} rows={4} />}
    </Field>
  );
}

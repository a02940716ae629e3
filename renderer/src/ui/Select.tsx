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

/**
 * A select inside its own label, for a value that is saved as it changes (a note's kind, who
 * spoke), with no form around it. `empty` names a first option for no choice, whose value is ''.
 */
export function LabelledSelect(props: {
  label: string;
  value: string | number | null;
  options: readonly { value: string | number; label: string }[];
  empty?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How a note says where something was seen or read. */
export const sourceExample = 'For example: the home’s daily log, 3 March';

/** A line of text inside its own label, saved as it is typed (a note's source, a young person's reference). */
export function LabelledText(props: {
  label: string;
  value: string;
  placeholder?: string;
  readOnly?: boolean;
  className?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className={props.className}>
      {props.label}{' '}
      <input
        type="text"
        value={props.value}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}

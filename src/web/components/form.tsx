import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../csrf';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

/** Field name → the message shown next to it. */
export type FormErrors = Partial<Record<string, MessageKey>>;
/** What the user typed, sent back into the form when it fails validation. */
export type FormValues = Record<string, string | undefined>;

export function CsrfField() {
  const { csrfToken } = useWeb();
  return <input type="hidden" name={CSRF_FIELD} value={csrfToken} />;
}

/**
 * A POST form carrying its CSRF token. Multipart forms (file uploads) carry the token in the
 * action URL, because their body is read by the handler, after the CSRF check.
 */
export function Form(props: {
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  class?: string;
  /** The form's accessible name, when a page has several forms. */
  label?: string;
}) {
  const { csrfToken } = useWeb();
  const action = props.multipart
    ? `${props.action}${props.action.includes('?') ? '&' : '?'}${CSRF_FIELD}=${encodeURIComponent(csrfToken)}`
    : props.action;
  return (
    <form
      method="post"
      action={action}
      class={props.class}
      aria-label={props.label}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      {!props.multipart && <CsrfField />}
      {props.children}
    </form>
  );
}

/**
 * One button that posts to `action` (publish, close, refer, verify…): an inline form with the
 * CSRF field, the given hidden fields and the button (`primary` for the main action).
 */
export function ActionButton(props: {
  action: string;
  text: string;
  primary?: boolean;
  hidden?: Record<string, string>;
  /** The form's accessible name, when a page has several forms. */
  label?: string;
}) {
  return (
    <Form action={props.action} class="inline" label={props.label}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.primary ? 'button primary' : 'button'}>
        {props.text}
      </button>
    </Form>
  );
}

/** An error that stops what the user asked for, at the top of the page (already translated). */
export function ErrorBanner({ text }: { text: string }) {
  return (
    <div class="error-summary" role="alert">
      <p>{text}</p>
    </div>
  );
}

/** Shown at the top of a form that failed validation. */
export function ErrorSummary({ errors, message }: { errors: FormErrors; message?: MessageKey }) {
  const { t } = useWeb();
  const fields = Object.keys(errors).filter((k) => errors[k]);
  if (!fields.length && !message) return null;
  return <ErrorBanner text={t(message ?? 'form.fixErrors')} />;
}

interface FieldProps {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FormErrors;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, hint: string | undefined, error: MessageKey | undefined) {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: string; error?: MessageKey }) {
  const { t } = useWeb();
  return (
    <>
      {hint && (
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${name}-error`}>
          {t(error)}
        </span>
      )}
    </>
  );
}

/** A labelled input; shows what was typed and the error next to it. Passwords are never echoed. */
export function TextField(
  props: FieldProps & {
    type?: 'text' | 'tel' | 'password' | 'number' | 'search' | 'date' | 'email' | 'time';
    autocomplete?: string;
    inputMode?: 'numeric' | 'tel' | 'text' | 'decimal' | 'search';
    maxLength?: number;
    /** The latest value a date (or number) field takes, e.g. today for a date that cannot be ahead. */
    max?: string;
  },
) {
  const error = props.errors?.[props.name];
  const type = props.type ?? 'text';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      <FieldMessages name={props.name} hint={props.hint} error={error} />
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={type}
        value={type === 'password' ? undefined : (props.values?.[props.name] ?? '')}
        required={props.required}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        max={props.max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: Option[]; placeholder?: string }) {
  const error = props.errors?.[props.name];
  const current = props.values?.[props.name] ?? '';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      <FieldMessages name={props.name} hint={props.hint} error={error} />
      <select
        id={`f-${props.name}`}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset; each choice is a large touch target. */
export function RadioField(props: FieldProps & { options: Option[] }) {
  const error = props.errors?.[props.name];
  const current = props.values?.[props.name] ?? '';
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={describedBy(props.name, props.hint, error)}
    >
      <legend>{props.label}</legend>
      <FieldMessages name={props.name} hint={props.hint} error={error} />
      {props.options.map((o) => (
        <label class="choice" key={o.value}>
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={o.value === current}
            required={props.required}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SubmitButton({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="button primary">
      {children}
    </button>
  );
}

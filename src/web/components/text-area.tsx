import { type FormErrors, type FormValues } from './form';
import { useWeb } from '../render';

/** A multi-line text field (the foundation has single-line ones); keeps what was typed. */
export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  values?: FormValues;
  errors?: FormErrors;
  maxLength?: number;
}) {
  const { t } = useWeb();
  const error = props.errors?.[props.name];
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${props.name}-error`}>
          {t(error)}
        </span>
      )}
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={5}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.values?.[props.name] ?? ''}
      </textarea>
    </div>
  );
}

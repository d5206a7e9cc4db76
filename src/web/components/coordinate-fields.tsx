import { type FormErrors, type FormValues, TextField } from './form';

/**
 * A place on the map as two decimal fields, `latitude` then `longitude`: a site (admin), an
 * employer's address (employer) and a place a trip goes to (officer's travel times). The labels
 * are each form's own words; a hint stands under the latitude and speaks for both.
 */
export function CoordinateFields(props: {
  latitudeLabel: string;
  longitudeLabel: string;
  hint?: string;
  required?: boolean;
  values?: FormValues;
  errors?: FormErrors;
}) {
  return (
    <>
      <TextField
        name="latitude"
        inputMode="decimal"
        label={props.latitudeLabel}
        hint={props.hint}
        required={props.required}
        values={props.values}
        errors={props.errors}
      />
      <TextField
        name="longitude"
        inputMode="decimal"
        label={props.longitudeLabel}
        required={props.required}
        values={props.values}
        errors={props.errors}
      />
    </>
  );
}

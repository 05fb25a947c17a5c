"use client";

import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { DATE_TEXT_HINT, formatPartialDate, readDateText, type DatePrecision } from "@/lib/dates/partial-date";

const PRECISION_WORDS: Record<DatePrecision, string> = { day: "the exact day", month: "the month only", year: "the year only" };

/**
 * A date at the precision it is known, typed the same way whatever the browser's language:
 * "2021-04-16" or "16 Apr 2021" for a day, "2021-04" or "Apr 2021" for a month, "2021" for
 * a year. The precision is what was typed; the line under the field says how it was read,
 * so "04/05/2021"-style ambiguity never reaches the database.
 */
export function DateField({
  name,
  label,
  precision,
  value,
  onChange,
  errors,
  required,
}: {
  name: string;
  label: string;
  precision: DatePrecision;
  value: string;
  onChange: (next: { precision: DatePrecision; value: string }) => void;
  errors: Record<string, string[]>;
  required?: boolean;
}) {
  const id = fieldId(name);
  const hintId = `${id}-hint`;
  const readingId = `${id}-reading`;
  const read = value.trim() === "" ? null : readDateText(value);
  return (
    <fieldset className="field-group field-group--date">
      <legend>
        {label}
        {required ? <span className="required"> (required)</span> : null}
      </legend>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {/* The precision travels with the date for the form's own redraws; the server reads it from the text. */}
        <input type="hidden" name={`${name}Precision`} value={read?.ok ? read.date.precision : precision} />
        <input
          id={id}
          name={name}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="2021-04-16"
          required={required}
          value={value}
          onChange={(e) => {
            const next = readDateText(e.target.value);
            onChange({ precision: next.ok ? next.date.precision : precision, value: e.target.value });
          }}
          {...errorProps(name, errors, `${hintId} ${readingId}`)}
        />
        <p id={hintId} className="hint">
          {DATE_TEXT_HINT}
        </p>
        <p id={readingId} className="hint date-field__reading" aria-live="polite">
          {read?.ok ? `Reads as ${formatPartialDate(read.date, "long")} (${PRECISION_WORDS[read.date.precision]}).` : "\u00a0"}
        </p>
      </div>
      <FieldError path={name} errors={errors} />
    </fieldset>
  );
}

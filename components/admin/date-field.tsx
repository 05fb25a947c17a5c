"use client";

import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import type { DatePrecision } from "@/lib/dates/partial-date";

const PRECISIONS: { value: DatePrecision; label: string }[] = [
  { value: "day", label: "Day" },
  { value: "month", label: "Month" },
  { value: "year", label: "Year only" },
];

/** Keeps what still fits when the precision changes: a day cut to its month or year. */
function convert(value: string, to: DatePrecision): string {
  const length = to === "year" ? 4 : to === "month" ? 7 : 10;
  return value.length >= length ? value.slice(0, length) : "";
}

/**
 * A date at a chosen precision. The input follows the precision: a date picker for a day,
 * a month picker for a month, four digits for a year, so a date can only be entered as
 * precisely as it is known.
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
  const precisionName = `${name}Precision`;
  return (
    <fieldset className="field-group field-group--date">
      <legend>
        {label}
        {required ? <span className="required"> (required)</span> : null}
      </legend>
      <div className="date-field">
        <div className="field">
          <label htmlFor={`${id}-precision`}>Known to the</label>
          <select
            id={`${id}-precision`}
            name={precisionName}
            value={precision}
            onChange={(e) => {
              const next = e.target.value as DatePrecision;
              onChange({ precision: next, value: convert(value, next) });
            }}
          >
            {PRECISIONS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id}>{precision === "year" ? `${label}: year` : precision === "month" ? `${label}: month` : label}</label>
          <input
            id={id}
            name={name}
            type={precision === "day" ? "date" : precision === "month" ? "month" : "text"}
            inputMode={precision === "year" ? "numeric" : undefined}
            pattern={precision === "year" ? "[0-9]{4}" : undefined}
            maxLength={precision === "year" ? 4 : undefined}
            placeholder={precision === "year" ? "YYYY" : precision === "month" ? "YYYY-MM" : undefined}
            min={precision === "day" ? "1000-01-01" : precision === "month" ? "1000-01" : undefined}
            max={precision === "day" ? "9999-12-31" : precision === "month" ? "9999-12" : undefined}
            required={required}
            value={value}
            onChange={(e) => onChange({ precision, value: e.target.value })}
            {...errorProps(name, errors)}
          />
        </div>
      </div>
      <FieldError path={name} errors={errors} />
    </fieldset>
  );
}

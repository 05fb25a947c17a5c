"use client";

import { Combobox } from "@/components/admin/combobox";
import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { formatStoredDate } from "@/lib/dates/partial-date";
import type { RelatedOption, RelationFormValues } from "@/lib/events/form";
import { LIMITS } from "@/lib/events/schema";
import { RELATION_KINDS } from "@/lib/events/vocabulary";

function dateLabel(event: RelatedOption): string {
  try {
    return formatStoredDate(event.datePrecision, event.dateStart);
  } catch {
    return "";
  }
}

/** Links from this event to earlier ones ("responds to …"), found by title words or date. */
export function RelationsEditor({
  eventId,
  relations,
  onChange,
  errors,
  namePrefix = "",
}: {
  eventId: number | null;
  relations: RelationFormValues[];
  onChange: (relations: RelationFormValues[]) => void;
  errors: Record<string, string[]>;
  /** Prefixes the fields' names, ids and error paths ("d2."), for several editors on a page. */
  namePrefix?: string;
}) {
  const p = namePrefix;
  return (
    <fieldset className="field-group">
      <legend>Related events</legend>
      <p className="hint">This event responds to, implements, follows up, eases or supersedes an earlier one.</p>
      {relations.length > 0 ? (
        <ul className="relation-rows">
          {relations.map((relation, index) => {
            const path = `${p}relations.${index}.kind`;
            const date = dateLabel(relation.event);
            return (
              <li key={`${relation.event.id}-${index}`} className="relation-row">
                <label htmlFor={fieldId(path)} className="visually-hidden">
                  How this event relates to {relation.event.title}
                </label>
                <select
                  id={fieldId(path)}
                  name={`${p}relationKind`}
                  value={relation.kind}
                  onChange={(e) => onChange(relations.map((r, i) => (i === index ? { ...r, kind: e.target.value } : r)))}
                  {...errorProps(path, errors)}
                >
                  {RELATION_KINDS.map((k) => (
                    <option key={k.slug} value={k.slug}>
                      {k.label}
                    </option>
                  ))}
                </select>{" "}
                <span className="relation-row__event" id={fieldId(`${p}relations.${index}.eventId`)}>
                  {relation.event.title}
                  {date ? ` (${date})` : null}
                </span>
                <input type="hidden" name={`${p}relationEventId`} value={relation.event.id} />
                <input type="hidden" name={`${p}relationTitle`} value={relation.event.title} />
                <input type="hidden" name={`${p}relationDatePrecision`} value={relation.event.datePrecision} />
                <input type="hidden" name={`${p}relationDateStart`} value={relation.event.dateStart} />{" "}
                <button
                  type="button"
                  className="button--secondary"
                  aria-label={`Remove the link to ${relation.event.title}`}
                  onClick={() => onChange(relations.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
                <FieldError path={path} errors={errors} />
                <FieldError path={`${p}relations.${index}.eventId`} errors={errors} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldError path={`${p}relations`} errors={errors} />
      {relations.length < LIMITS.relations ? (
        <Combobox<RelatedOption>
          id={fieldId(`${p}relations`)}
          label="Link to an earlier event"
          hint="Search by words of the title or by a date such as 2021-04."
          url={(q) => `/admin/api/events?q=${encodeURIComponent(q)}${eventId ? `&exclude=${eventId}` : ""}`}
          toOptions={(found) => found.map((e) => ({ key: String(e.id), label: e.title, hint: dateLabel(e), value: e }))}
          onPick={(event) => onChange([...relations, { kind: "responds-to", event }])}
        />
      ) : null}
    </fieldset>
  );
}

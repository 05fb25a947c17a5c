"use client";

import { useState } from "react";
import { ActorPicker } from "@/components/admin/actor-picker";
import { DateField } from "@/components/admin/date-field";
import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { RelationsEditor } from "@/components/admin/relations-editor";
import { TagsInput } from "@/components/admin/tags-input";
import type { EventFormValues, FieldErrors } from "@/lib/events/form";
import { LIMITS } from "@/lib/events/schema";
import { EVENT_TYPES, SANCTION_MEASURES } from "@/lib/events/vocabulary";

/**
 * One draft's fields on the review screen, with the event form's own inputs (date with
 * precision, type, actors, legal basis, measures, tags, related events). Every name and id
 * carries the draft's prefix ("d2."), so all drafts share one form and one post.
 */
export function DraftFields({ prefix, values: initial, errors }: { prefix: string; values: EventFormValues; errors: FieldErrors }) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const path = (name: string) => `${prefix}${name}`;
  const text = (key: "title" | "legalBasis" | "location") => ({
    id: fieldId(path(key)),
    name: path(key),
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.target.value),
    ...errorProps(path(key), errors),
  });

  return (
    <div className="draft-fields">
      <div className="field">
        <label htmlFor={fieldId(path("title"))}>
          Title<span className="required"> (required)</span>
        </label>
        <input {...text("title")} type="text" required aria-required="true" />
        <FieldError path={path("title")} errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={fieldId(path("summary"))}>Summary</label>
        <textarea
          id={fieldId(path("summary"))}
          name={path("summary")}
          rows={3}
          maxLength={LIMITS.summary}
          value={values.summary}
          onChange={(e) => set("summary", e.target.value)}
          {...errorProps(path("summary"), errors)}
        />
        <FieldError path={path("summary")} errors={errors} />
      </div>
      <div className="field-row">
        <DateField
          name={path("date")}
          label="Date"
          required
          precision={values.datePrecision}
          value={values.date}
          onChange={({ precision, value }) => setValues((v) => ({ ...v, datePrecision: precision, date: value }))}
          errors={errors}
        />
        <DateField
          name={path("endDate")}
          label="Until (optional)"
          precision={values.endDatePrecision}
          value={values.endDate}
          onChange={({ precision, value }) => setValues((v) => ({ ...v, endDatePrecision: precision, endDate: value }))}
          errors={errors}
        />
      </div>
      <div className="field">
        <label htmlFor={fieldId(path("type"))}>
          Type<span className="required"> (required)</span>
        </label>
        <select
          id={fieldId(path("type"))}
          name={path("type")}
          required
          value={values.type}
          onChange={(e) => set("type", e.target.value)}
          {...errorProps(path("type"), errors)}
        >
          <option value="">Choose a type</option>
          {EVENT_TYPES.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError path={path("type")} errors={errors} />
      </div>
      <ActorPicker
        role="initiator"
        legend="Initiators"
        required
        namePrefix={prefix}
        actors={values.initiators}
        onChange={(a) => set("initiators", a)}
        errors={errors}
      />
      <ActorPicker role="target" legend="Targets" namePrefix={prefix} actors={values.targets} onChange={(a) => set("targets", a)} errors={errors} />
      <div className="field">
        <label htmlFor={fieldId(path("legalBasis"))}>Legal basis</label>
        <input {...text("legalBasis")} type="text" maxLength={LIMITS.legalBasis} />
        <FieldError path={path("legalBasis")} errors={errors} />
      </div>
      <fieldset className="field-group">
        <legend>Measures (for sanctions)</legend>
        <div className="checkboxes">
          {SANCTION_MEASURES.map((m) => (
            <label key={m.slug} className="checkbox">
              <input
                type="checkbox"
                name={path("measures")}
                value={m.slug}
                checked={values.measures.includes(m.slug)}
                onChange={(e) => set("measures", e.target.checked ? [...values.measures, m.slug] : values.measures.filter((x) => x !== m.slug))}
              />{" "}
              {m.label}
            </label>
          ))}
        </div>
        <FieldError path={path("measures")} errors={errors} />
      </fieldset>
      <div className="field">
        <label htmlFor={fieldId(path("location"))}>Location</label>
        <input {...text("location")} type="text" maxLength={LIMITS.location} />
        <FieldError path={path("location")} errors={errors} />
      </div>
      <TagsInput tags={values.tags} namePrefix={prefix} onChange={(t) => set("tags", t)} errors={errors} />
      <RelationsEditor eventId={null} relations={values.relations} namePrefix={prefix} onChange={(r) => set("relations", r)} errors={errors} />
    </div>
  );
}

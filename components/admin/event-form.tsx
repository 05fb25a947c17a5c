"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { ActorPicker } from "@/components/admin/actor-picker";
import { DateField } from "@/components/admin/date-field";
import { EventPreview } from "@/components/admin/event-preview";
import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { RelationsEditor } from "@/components/admin/relations-editor";
import { SourcesEditor } from "@/components/admin/sources-editor";
import { TagsInput } from "@/components/admin/tags-input";
import { saveEventAction } from "@/lib/events/actions";
import type { EventFormValues, FieldErrors } from "@/lib/events/form";
import { initialEventFormState, type EventFormState } from "@/lib/events/form-state";
import { LIMITS } from "@/lib/events/schema";
import { EVENT_TYPES, SANCTION_MEASURES } from "@/lib/events/vocabulary";

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  date: "Date",
  endDate: "Until",
  type: "Type",
  status: "Status",
  legalBasis: "Legal basis",
  location: "Location",
  initiatorIds: "Initiators",
  targetIds: "Targets",
  tags: "Tags",
  sources: "Sources",
  relations: "Related events",
  measures: "Measures",
};

function errorLabel(path: string): string {
  const [head, index, field] = path.split(".");
  const base = FIELD_LABELS[head ?? ""] ?? head ?? path;
  if (head === "sources" && index !== undefined) return `Source ${Number(index) + 1}${field ? `, ${field === "url" ? "URL" : field}` : ""}`;
  if (head === "relations" && index !== undefined) return `Related event ${Number(index) + 1}`;
  if (head === "tags" && index !== undefined) return `Tag ${Number(index) + 1}`;
  return base;
}

/** Where the error summary's links jump to: the field itself, or the nearest thing that exists. */
function errorTarget(path: string): string {
  if (path === "relations" || path.startsWith("relations.")) {
    return path.split(".").length > 2 ? fieldId(`${path.split(".").slice(0, 2).join(".")}.kind`) : "field-relations";
  }
  if (path.startsWith("tags")) return "field-tags";
  if (path === "sources") return "field-sources-0-url";
  return fieldId(path);
}

/** The one form for every field of an event, for new events and edits alike. */
export function EventForm({ initial }: { initial: EventFormValues }) {
  const [state, formAction, pending] = useActionState<EventFormState, FormData>(saveEventAction, initialEventFormState(initial));
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.attempt > 0) summary.current?.focus();
  }, [state.attempt]);

  // With JavaScript the form is submitted here rather than through `action`, because React
  // resets a form after its action runs, and a reset puts controlled selects back to their
  // first option: the editor's choices would vanish. Without JavaScript `action` posts it.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  }

  const errorPaths = Object.keys(state.errors);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="event-form" aria-busy={pending}>
      <div ref={summary} tabIndex={-1} className="form-summary-anchor">
        {state.message ? (
          <div role="alert" className={state.conflict ? "form-message form-message--conflict" : "form-message form-message--error"}>
            <p>{state.message}</p>
            {errorPaths.length > 0 ? (
              <ul>
                {errorPaths.map((path) => (
                  <li key={path}>
                    <a href={`#${errorTarget(path)}`}>
                      {errorLabel(path)}: {state.errors[path]?.[0]}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.conflict ? <ConflictDetails conflict={state.conflict} eventId={state.values.id} /> : null}
      </div>
      <noscript>
        <p className="notice">
          Choosing actors, tags and related events needs JavaScript. Every other field, and saving, works without it.
        </p>
      </noscript>
      {/* Remounted on every answer so the fields show exactly what the server sent back. */}
      <EventFormFields key={state.attempt} values={state.values} errors={state.errors} />
      <div className="form-actions">
        <button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="submit" name="intent" value="save-and-new" className="button--secondary" disabled={pending}>
          Save and add another
        </button>
      </div>
    </form>
  );
}

function ConflictDetails({ conflict, eventId }: { conflict: NonNullable<EventFormState["conflict"]>; eventId: number | null }) {
  const lines = (values: string[]) => (values.length > 0 ? values.join("; ") : "(empty)");
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Changed meanwhile (now version {conflict.version})</h2>
      {conflict.conflicts.length > 0 ? (
        <div className="conflict__choices">
          <p>You and the other editor both changed these fields. Choose which version to keep for each:</p>
          {conflict.conflicts.map((c) => (
            <fieldset key={c.field} className="conflict__choice">
              <legend>{c.label}</legend>
              <label className="checkbox">
                <input type="radio" name={`keep-${c.field}`} value="mine" required /> Keep mine: <span className="conflict__value">{lines(c.mine)}</span>
              </label>
              <label className="checkbox">
                <input type="radio" name={`keep-${c.field}`} value="theirs" required /> Keep theirs:{" "}
                <span className="conflict__value">{lines(c.theirs)}</span>
              </label>
            </fieldset>
          ))}
        </div>
      ) : null}
      <h3 className="conflict__subheading">What they changed since you opened the event</h3>
      {conflict.changes.length === 0 ? (
        <p>The other save changed no field you can see (for example, only a linked actor was renamed).</p>
      ) : (
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">When you loaded it</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.label}</th>
                <td>{change.before.length > 0 ? change.before.join("; ") : <span className="note">(empty)</span>}</td>
                <td>{change.after.length > 0 ? change.after.join("; ") : <span className="note">(empty)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {eventId ? (
        <p>
          {/* A full page load, so the form is rebuilt from the stored event. */}
          <a href={`/admin/events/${eventId}/edit`}>Discard my changes and load the current version</a>
        </p>
      ) : null}
    </section>
  );
}

function EventFormFields({ values: initial, errors }: { values: EventFormValues; errors: FieldErrors }) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: "title" | "legalBasis" | "location") => ({
    id: fieldId(key),
    name: key,
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.target.value),
    ...errorProps(key, errors, key === "title" ? "field-title-hint" : undefined),
  });

  return (
    <div className="event-form__layout">
      <div className="event-form__fields">
        <input type="hidden" name="id" value={values.id ?? ""} />
        <input type="hidden" name="version" value={values.version ?? ""} />
        {values.id === null && values.submissionKey ? <input type="hidden" name="submissionKey" value={values.submissionKey} /> : null}

        <div className="field">
          <label htmlFor="field-title">
            Title<span className="required"> (required)</span>
          </label>
          {/* No maxLength: the browser would cut a pasted title silently; the save reports it instead. */}
          <input {...text("title")} type="text" required aria-required="true" />
          <p id="field-title-hint" className="hint">
            Up to {LIMITS.title} characters ({values.title.length} used).
          </p>
          <FieldError path="title" errors={errors} />
        </div>

        <div className="field">
          <label htmlFor="field-summary">Summary</label>
          <textarea
            id="field-summary"
            name="summary"
            rows={5}
            maxLength={LIMITS.summary}
            value={values.summary}
            onChange={(e) => set("summary", e.target.value)}
            {...errorProps("summary", errors)}
          />
          <FieldError path="summary" errors={errors} />
        </div>

        <div className="field-row">
          <DateField
            name="date"
            label="Date"
            required
            precision={values.datePrecision}
            value={values.date}
            onChange={({ precision, value }) => setValues((v) => ({ ...v, datePrecision: precision, date: value }))}
            errors={errors}
          />
          <DateField
            name="endDate"
            label="Until (optional)"
            precision={values.endDatePrecision}
            value={values.endDate}
            onChange={({ precision, value }) => setValues((v) => ({ ...v, endDatePrecision: precision, endDate: value }))}
            errors={errors}
          />
        </div>

        <div className="field">
          <label htmlFor="field-type">
            Type<span className="required"> (required)</span>
          </label>
          <select
            id="field-type"
            name="type"
            required
            value={values.type}
            onChange={(e) => set("type", e.target.value)}
            {...errorProps("type", errors)}
          >
            <option value="">Choose a type</option>
            {EVENT_TYPES.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
          <FieldError path="type" errors={errors} />
        </div>

        <ActorPicker
          role="initiator"
          legend="Initiators"
          required
          actors={values.initiators}
          onChange={(a) => set("initiators", a)}
          errors={errors}
        />
        <ActorPicker role="target" legend="Targets" actors={values.targets} onChange={(a) => set("targets", a)} errors={errors} />

        <div className="field">
          <label htmlFor="field-legalBasis">Legal basis</label>
          <input {...text("legalBasis")} type="text" maxLength={LIMITS.legalBasis} placeholder="e.g. Executive Order 14024" />
          <FieldError path="legalBasis" errors={errors} />
        </div>

        <fieldset className="field-group">
          <legend>Measures (for sanctions)</legend>
          <div className="checkboxes">
            {SANCTION_MEASURES.map((m) => (
              <label key={m.slug} className="checkbox">
                <input
                  type="checkbox"
                  name="measures"
                  value={m.slug}
                  checked={values.measures.includes(m.slug)}
                  onChange={(e) =>
                    set("measures", e.target.checked ? [...values.measures, m.slug] : values.measures.filter((x) => x !== m.slug))
                  }
                />{" "}
                {m.label}
              </label>
            ))}
          </div>
          <FieldError path="measures" errors={errors} />
        </fieldset>

        <div className="field">
          <label htmlFor="field-location">Location</label>
          <input {...text("location")} type="text" maxLength={LIMITS.location} />
          <FieldError path="location" errors={errors} />
        </div>

        <TagsInput tags={values.tags} onChange={(t) => set("tags", t)} errors={errors} />
        <SourcesEditor sources={values.sources} onChange={(s) => set("sources", s)} errors={errors} />
        <RelationsEditor eventId={values.id} relations={values.relations} onChange={(r) => set("relations", r)} errors={errors} />

        <fieldset className="field-group">
          <legend>Status</legend>
          {[
            { value: "draft", label: "Draft (only editors see it)" },
            { value: "published", label: "Published (on the public timeline)" },
          ].map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="radio"
                name="status"
                value={option.value}
                checked={values.status === option.value}
                onChange={() => set("status", option.value)}
              />{" "}
              {option.label}
            </label>
          ))}
          <FieldError path="status" errors={errors} />
        </fieldset>
      </div>

      <aside className="event-form__preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <EventPreview values={values} />
      </aside>
    </div>
  );
}

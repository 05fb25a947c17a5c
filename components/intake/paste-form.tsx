"use client";

import { useActionState, useEffect, useRef } from "react";
import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { createIntakeAction, type PasteFormState } from "@/lib/intake/actions";

const EMPTY: PasteFormState = { message: null, errors: {}, values: { text: "", published: "", publisher: "", title: "", url: "" } };

/**
 * The article to draft from. A plain form posting to a server action: without JavaScript
 * the page comes back with the messages; with it, the same answer arrives without a reload.
 * Fields are uncontrolled with the last answer as their defaults, so nothing typed is lost.
 */
export function PasteForm() {
  const [state, action, pending] = useActionState(createIntakeAction, EMPTY);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) summary.current?.focus();
  }, [state]);
  const v = state.values;
  const e = state.errors;
  const text = (name: "publisher" | "title" | "url", label: string, type = "text", hint?: string) => (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <input id={fieldId(name)} name={name} type={type} defaultValue={v[name]} {...errorProps(name, e, hint ? `${fieldId(name)}-hint` : undefined)} />
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError path={name} errors={e} />
    </div>
  );
  return (
    // A new key per answer puts the returned values into the uncontrolled fields.
    <form action={action} noValidate className="intake-paste" aria-busy={pending} key={JSON.stringify(v)}>
      <div ref={summary} tabIndex={-1} className="form-summary-anchor">
        {state.message ? (
          <div role="alert" className="form-message form-message--error">
            <p>{state.message}</p>
            <ul>
              {Object.entries(e).map(([path, messages]) => (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>{messages[0]}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="field-text">
          Article<span className="required"> (required)</span>
        </label>
        <textarea
          id="field-text"
          name="text"
          rows={14}
          required
          aria-required="true"
          defaultValue={v.text}
          {...errorProps("text", e, "field-text-hint")}
        />
        <p id="field-text-hint" className="hint">
          Paste the article&apos;s text, or its HTML (reduced to text). Up to 2 MB, in English.
        </p>
        <FieldError path="text" errors={e} />
      </div>
      <div className="field">
        <label htmlFor="field-published">Publication date</label>
        <input
          id="field-published"
          name="published"
          type="date"
          min="1900-01-01"
          defaultValue={v.published}
          {...errorProps("published", e, "field-published-hint")}
        />
        <p id="field-published-hint" className="hint">
          Dates such as “on Wednesday” or “last month” are read relative to it. Left empty, it is taken from the
          article&apos;s dateline (for example “Thursday, 29 April 2021 7:07 AM”).
        </p>
        <FieldError path="published" errors={e} />
      </div>
      <div className="field-row">
        {text("publisher", "Publisher")}
        {text("title", "Headline")}
      </div>
      {text("url", "Web address", "url", "The article becomes the source of every event accepted from it.")}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? "Drafting…" : "Draft events"}
        </button>
      </div>
    </form>
  );
}

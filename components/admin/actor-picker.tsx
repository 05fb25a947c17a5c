"use client";

import { useId, useState } from "react";
import { Combobox } from "@/components/admin/combobox";
import { errorId, FieldError, fieldId } from "@/components/admin/field-error";
import { createActorAction } from "@/lib/events/actions";
import type { ActorOption } from "@/lib/events/form";
import { ACTOR_KINDS } from "@/lib/events/vocabulary";

type Found = ActorOption & { kind: string };

/**
 * Initiators or targets: chosen actors as removable chips (sent as hidden fields), a
 * type-ahead over existing actors, and a small inline form to create a missing one.
 */
export function ActorPicker({
  role,
  legend,
  actors,
  onChange,
  errors,
  required,
}: {
  role: "initiator" | "target";
  legend: string;
  actors: ActorOption[];
  onChange: (actors: ActorOption[]) => void;
  errors: Record<string, string[]>;
  required?: boolean;
}) {
  const path = `${role}Ids`;
  const [draft, setDraft] = useState<{ name: string; kind: string; isoCode: string } | null>(null);
  const [draftErrors, setDraftErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const invalid = (errors[path]?.length ?? 0) > 0;

  function add(actor: ActorOption) {
    if (!actors.some((a) => a.id === actor.id)) onChange([...actors, actor]);
  }

  async function create() {
    if (!draft) return;
    setBusy(true);
    try {
      const result = await createActorAction(draft);
      if (result.ok) {
        add(result.actor);
        setDraft(null);
        setDraftErrors({});
      } else {
        setDraftErrors(result.errors);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="field-group" aria-describedby={invalid ? errorId(path) : undefined}>
      <legend>
        {legend}
        {required ? <span className="required"> (required)</span> : null}
      </legend>
      <FieldError path={path} errors={errors} />
      {actors.length > 0 ? (
        <ul className="chips" aria-label={`Chosen ${legend.toLowerCase()}`}>
          {actors.map((actor) => (
            <li key={actor.id} className="chip">
              {actor.name}
              {actor.isoCode ? <span className="chip__code"> ({actor.isoCode})</span> : null}
              <input type="hidden" name={`${role}Ids`} value={actor.id} />
              <input type="hidden" name={`${role}Name`} value={actor.name} />
              <input type="hidden" name={`${role}IsoCode`} value={actor.isoCode ?? ""} />
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${actor.name} from ${legend.toLowerCase()}`}
                onClick={() => onChange(actors.filter((a) => a.id !== actor.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Combobox<Found>
        id={fieldId(path)}
        label={`Add ${role === "initiator" ? "an initiator" : "a target"}`}
        hint="Type a name or a two-letter country code."
        url={(q) => `/admin/api/actors?q=${encodeURIComponent(q)}`}
        toOptions={(found) =>
          found.map((a) => ({ key: String(a.id), label: a.name, hint: a.isoCode ?? undefined, value: a }))
        }
        onPick={(a) => add({ id: a.id, name: a.name, isoCode: a.isoCode })}
        createLabel={(text) => `Create a new actor “${text}”…`}
        onCreate={(text) => setDraft({ name: text, kind: "state", isoCode: "" })}
        invalid={invalid}
      />
      {draft ? (
        <div className="inline-create" role="group" aria-labelledby={`${formId}-title`}>
          <p id={`${formId}-title`} className="inline-create__title">
            New actor
          </p>
          <div className="inline-create__fields">
            <div className="field">
              <label htmlFor={`${formId}-name`}>Name</label>
              <input
                id={`${formId}-name`}
                value={draft.name}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                aria-invalid={draftErrors.name ? true : undefined}
                aria-describedby={draftErrors.name ? `${formId}-name-error` : undefined}
              />
              {draftErrors.name ? (
                <p id={`${formId}-name-error`} className="field-error">
                  {draftErrors.name.join(" ")}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${formId}-kind`}>Kind</label>
              <select id={`${formId}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
                {ACTOR_KINDS.map((k) => (
                  <option key={k.slug} value={k.slug}>
                    {k.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${formId}-iso`}>ISO code (states)</label>
              <input
                id={`${formId}-iso`}
                value={draft.isoCode}
                maxLength={2}
                size={3}
                onChange={(e) => setDraft({ ...draft, isoCode: e.target.value })}
                aria-invalid={draftErrors.isoCode ? true : undefined}
                aria-describedby={draftErrors.isoCode ? `${formId}-iso-error` : undefined}
              />
              {draftErrors.isoCode ? (
                <p id={`${formId}-iso-error`} className="field-error">
                  {draftErrors.isoCode.join(" ")}
                </p>
              ) : null}
            </div>
          </div>
          <p className="button-row">
            <button type="button" onClick={create} disabled={busy}>
              {busy ? "Creating…" : "Create actor"}
            </button>
            <button type="button" className="button--secondary" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

"use client";

import { useId, useState } from "react";
import { Combobox } from "@/components/admin/combobox";
import { ActorKindSelect } from "@/components/admin/actor-fields";
import { errorId, errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { createActorAction } from "@/lib/events/actions";
import type { ActorOption } from "@/lib/events/form";

type Found = ActorOption & { kind: string; alias?: string };

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
  const draftPath = `new-${role}`;
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
        // Prefixed so they cannot collide with the event form's own field ids.
        setDraftErrors(Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [`${draftPath}.${k}`, v])));
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
          found.map((a) => ({ key: String(a.id), label: a.name, hint: [a.isoCode, a.alias ? `“${a.alias}”` : null].filter(Boolean).join(" ") || undefined, value: a }))
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
              <label htmlFor={fieldId(`${draftPath}.name`)}>Name</label>
              <input
                id={fieldId(`${draftPath}.name`)}
                value={draft.name}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                {...errorProps(`${draftPath}.name`, draftErrors)}
              />
              <FieldError path={`${draftPath}.name`} errors={draftErrors} />
            </div>
            <ActorKindSelect id={fieldId(`${draftPath}.kind`)} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
            <div className="field">
              <label htmlFor={fieldId(`${draftPath}.isoCode`)}>ISO code (states)</label>
              <input
                id={fieldId(`${draftPath}.isoCode`)}
                value={draft.isoCode}
                maxLength={2}
                size={3}
                onChange={(e) => setDraft({ ...draft, isoCode: e.target.value })}
                {...errorProps(`${draftPath}.isoCode`, draftErrors)}
              />
              <FieldError path={`${draftPath}.isoCode`} errors={draftErrors} />
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

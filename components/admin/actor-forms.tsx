"use client";

import { errorProps, FieldError } from "@/components/admin/field-error";
import { SmallForm } from "@/components/admin/small-form";
import { mergeActorsAction, updateActorAction } from "@/lib/actors/actions";
import { ACTOR_KINDS } from "@/lib/events/vocabulary";

type Actor = { id: number; name: string; kind: string; isoCode: string | null; events: number };

/** One actor's row: rename, change kind or code. */
export function ActorEditForm({ actor }: { actor: Actor }) {
  const prefix = `actor-${actor.id}`;
  return (
    <SmallForm action={updateActorAction} className="actor-form" label={`Edit ${actor.name}`}>
      {(state, pending) => {
        const value = (key: string, fallback: string) => (state.ok || !(key in state.values) ? fallback : (state.values[key] ?? ""));
        const errors = Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [`${prefix}-${k}`, v]));
        return (
          <>
            <input type="hidden" name="id" value={actor.id} />
            <div className="field">
              <label htmlFor={`field-${prefix}-name`}>Name</label>
              <input
                id={`field-${prefix}-name`}
                name="name"
                defaultValue={value("name", actor.name)}
                maxLength={200}
                key={`n-${state.ok}-${value("name", actor.name)}`}
                {...errorProps(`${prefix}-name`, errors)}
              />
              <FieldError path={`${prefix}-name`} errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={`field-${prefix}-kind`}>Kind</label>
              <select id={`field-${prefix}-kind`} name="kind" defaultValue={value("kind", actor.kind)} key={`k-${value("kind", actor.kind)}`}>
                {ACTOR_KINDS.map((k) => (
                  <option key={k.slug} value={k.slug}>
                    {k.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`field-${prefix}-isoCode`}>ISO code</label>
              <input
                id={`field-${prefix}-isoCode`}
                name="isoCode"
                size={3}
                maxLength={2}
                defaultValue={value("isoCode", actor.isoCode ?? "")}
                key={`i-${value("isoCode", actor.isoCode ?? "")}`}
                {...errorProps(`${prefix}-isoCode`, errors)}
              />
              <FieldError path={`${prefix}-isoCode`} errors={errors} />
            </div>
            <button type="submit" className="button--small" disabled={pending}>
              Save
            </button>
          </>
        );
      }}
    </SmallForm>
  );
}

/** Merge a duplicate into the actor to keep. */
export function ActorMergeForm({ actors }: { actors: Actor[] }) {
  return (
    <SmallForm action={mergeActorsAction} className="merge-form" label="Merge duplicate actors">
      {(state, pending) => (
        <>
          <div className="field">
            <label htmlFor="field-fromId">Duplicate (will be removed)</label>
            <select id="field-fromId" name="fromId" defaultValue={state.values.fromId ?? ""} key={`f-${state.values.fromId ?? ""}`} {...errorProps("fromId", state.errors)}>
              <option value="">Choose…</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.events})
                </option>
              ))}
            </select>
            <FieldError path="fromId" errors={state.errors} />
          </div>
          <div className="field">
            <label htmlFor="field-intoId">Keep</label>
            <select id="field-intoId" name="intoId" defaultValue={state.values.intoId ?? ""} key={`i-${state.values.intoId ?? ""}`} {...errorProps("intoId", state.errors)}>
              <option value="">Choose…</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.events})
                </option>
              ))}
            </select>
            <FieldError path="intoId" errors={state.errors} />
          </div>
          <button type="submit" disabled={pending}>
            Merge
          </button>
        </>
      )}
    </SmallForm>
  );
}

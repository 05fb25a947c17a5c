"use client";

import { ActorKindSelect, ActorSelect } from "@/components/admin/actor-fields";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { SmallForm } from "@/components/admin/small-form";
import { mergeActorsAction, updateActorAction } from "@/lib/actors/actions";

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
            <ActorKindSelect id={`field-${prefix}-kind`} name="kind" value={value("kind", actor.kind)} key={`k-${value("kind", actor.kind)}`} />
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
          <ActorSelect name="fromId" label="Duplicate (will be removed)" actors={actors} value={state.values.fromId ?? ""} errors={state.errors} />
          <ActorSelect name="intoId" label="Keep" actors={actors} value={state.values.intoId ?? ""} errors={state.errors} />
          <button type="submit" disabled={pending}>
            Merge
          </button>
        </>
      )}
    </SmallForm>
  );
}

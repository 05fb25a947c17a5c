"use client";

import { errorProps, FieldError } from "@/components/admin/field-error";
import { SmallForm } from "@/components/admin/small-form";
import { addActorAliasAction, removeActorAliasAction } from "@/lib/actors/actions";
import { ALIAS_KINDS, MAX_ALIAS_LENGTH } from "@/lib/actors/alias-normalise";

type Alias = { id: number; alias: string; kind: string; origin: string };

const KIND_LABELS: Record<string, string> = {
  name: "Name",
  demonym: "Demonym",
  capital: "Capital",
  metonym: "Metonym",
  transliteration: "Transliteration",
  other: "Other",
};

/**
 * An actor's aliases, folded away under a disclosure (states carry a dozen): each with a
 * Remove button, then a form to add one. Works without JavaScript.
 */
export function ActorAliases({ actor }: { actor: { id: number; name: string; aliases: Alias[]; aliasCount: number } }) {
  const prefix = `actor-${actor.id}-alias`;
  return (
    <details className="actor-aliases">
      <summary>
        Aliases ({actor.aliasCount})<span className="visually-hidden"> of {actor.name}</span>
      </summary>
      {/* One form for the list, each Remove button sending its alias's id, so the outcome stays on screen when the row is gone. */}
      <SmallForm action={removeActorAliasAction} className="alias-remove-form" label={`Remove aliases of ${actor.name}`}>
        {(_state, pending) => (
          <>
            <input type="hidden" name="actorId" value={actor.id} />
            {actor.aliases.length === 0 ? (
              <p className="note">No aliases yet.</p>
            ) : (
              <ul className="alias-list" aria-label={`Aliases of ${actor.name}`}>
                {actor.aliases.map((a) => (
                  <li key={a.id} className="alias-list__item">
                    <span>
                      {a.alias}{" "}
                      <span className="hint">
                        · {KIND_LABELS[a.kind] ?? a.kind}
                        {a.origin === "builtin" ? ", built in" : ""}
                      </span>
                    </span>
                    <button
                      type="submit"
                      name="aliasId"
                      value={a.id}
                      className="button--small button--secondary"
                      disabled={pending}
                      aria-label={`Remove alias ${a.alias}`}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </SmallForm>
      {actor.aliasCount > actor.aliases.length ? <p className="hint">Showing {actor.aliases.length} of {actor.aliasCount}.</p> : null}
      <SmallForm action={addActorAliasAction} className="actor-form" label={`Add an alias to ${actor.name}`}>
        {(state, pending) => {
          const errors = Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [`${prefix}-${k}`, v]));
          const sent = (key: string) => (state.ok ? "" : (state.values[key] ?? ""));
          return (
            <>
              <input type="hidden" name="actorId" value={actor.id} />
              <div className="field">
                <label htmlFor={`field-${prefix}-alias`}>New alias</label>
                <input
                  id={`field-${prefix}-alias`}
                  name="alias"
                  maxLength={MAX_ALIAS_LENGTH}
                  defaultValue={sent("alias")}
                  key={`a-${state.ok}-${sent("alias")}-${state.message ?? ""}`}
                  {...errorProps(`${prefix}-alias`, errors)}
                />
                <FieldError path={`${prefix}-alias`} errors={errors} />
              </div>
              <div className="field">
                <label htmlFor={`field-${prefix}-kind`}>Alias kind</label>
                <select id={`field-${prefix}-kind`} name="kind" defaultValue={sent("kind") || "other"} key={`k-${state.ok}-${sent("kind")}`}>
                  {ALIAS_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
                <FieldError path={`${prefix}-kind`} errors={errors} />
              </div>
              <button type="submit" className="button--small" disabled={pending}>
                Add alias
              </button>
            </>
          );
        }}
      </SmallForm>
    </details>
  );
}

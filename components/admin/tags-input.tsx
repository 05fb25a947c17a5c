"use client";

import { Combobox } from "@/components/admin/combobox";
import { FieldError, fieldId } from "@/components/admin/field-error";
import { LIMITS } from "@/lib/events/schema";

/** Tags as removable chips; the type-ahead suggests existing tags and Enter adds a new one. */
export function TagsInput({
  tags,
  onChange,
  errors,
  namePrefix = "",
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  errors: Record<string, string[]>;
  /** Prefixes the field's name, id and error paths ("d2."), for several tag inputs on a page. */
  namePrefix?: string;
}) {
  function add(tag: string) {
    const name = tag.trim().slice(0, LIMITS.tag);
    if (name === "" || tags.some((t) => t.toLowerCase() === name.toLowerCase())) return;
    onChange([...tags, name]);
  }
  const path = `${namePrefix}tags`;
  const tagErrors = Object.keys(errors).filter((k) => k === path || k.startsWith(`${path}.`));
  return (
    <fieldset className="field-group">
      <legend>Tags</legend>
      {tagErrors.map((path) => (
        <FieldError key={path} path={path} errors={errors} />
      ))}
      {tags.length > 0 ? (
        <ul className="chips" aria-label="Chosen tags">
          {tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
              <input type="hidden" name={path} value={tag} />
              <button type="button" className="chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Combobox<string>
        id={fieldId(path)}
        label="Add a tag"
        hint="Pick an existing tag or press Enter to add a new one."
        url={(q) => `/admin/api/tags?q=${encodeURIComponent(q)}`}
        toOptions={(found) => found.map((t) => ({ key: t, label: t, value: t }))}
        onPick={add}
        createLabel={(text) => `Add new tag “${text}”`}
        onCreate={add}
      />
    </fieldset>
  );
}

"use client";

import { useRef } from "react";
import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { EMPTY_SOURCE, type SourceFormValues } from "@/lib/events/form";
import { LIMITS } from "@/lib/events/schema";

const COLUMNS = [
  { key: "url", name: "sourceUrl", label: "URL", type: "url", max: LIMITS.url },
  { key: "title", name: "sourceTitle", label: "Title", type: "text", max: LIMITS.sourceTitle },
  { key: "publisher", name: "sourcePublisher", label: "Publisher", type: "text", max: LIMITS.publisher },
  { key: "publishedOn", name: "sourcePublishedOn", label: "Published on", type: "text", max: 10 },
  { key: "archiveUrl", name: "sourceArchiveUrl", label: "Archived copy", type: "url", max: LIMITS.url },
] as const;

/** Rows of sources, added and removed freely; a blank row is ignored on save. */
export function SourcesEditor({
  sources,
  onChange,
  errors,
}: {
  sources: SourceFormValues[];
  onChange: (sources: SourceFormValues[]) => void;
  errors: Record<string, string[]>;
}) {
  // Stable row keys, so removing a row in the middle does not shift what the others show.
  const keys = useRef<number[]>(sources.map((_, i) => i));
  const nextKey = useRef(sources.length);
  const listError = errors.sources;

  function update(index: number, key: keyof SourceFormValues, value: string) {
    onChange(sources.map((s, i) => (i === index ? { ...s, [key]: value } : s)));
  }
  function add() {
    keys.current = [...keys.current, nextKey.current++];
    onChange([...sources, { ...EMPTY_SOURCE }]);
  }
  function remove(index: number) {
    keys.current = keys.current.filter((_, i) => i !== index);
    onChange(sources.filter((_, i) => i !== index));
  }

  return (
    <fieldset className="field-group">
      <legend>Sources</legend>
      {listError ? <FieldError path="sources" errors={errors} /> : null}
      <ol className="source-rows">
        {sources.map((source, index) => (
          <li key={keys.current[index] ?? index} className="source-row">
            <fieldset>
              <legend>Source {index + 1}</legend>
              <div className="source-row__fields">
                {COLUMNS.map((column) => {
                  const path = `sources.${index}.${column.key}`;
                  return (
                    <div key={column.key} className={`field field--${column.key}`}>
                      <label htmlFor={fieldId(path)}>{column.label}</label>
                      <input
                        id={fieldId(path)}
                        name={column.name}
                        type={column.type}
                        value={source[column.key]}
                        maxLength={column.max}
                        placeholder={column.key === "publishedOn" ? "YYYY-MM-DD" : undefined}
                        inputMode={column.key === "publishedOn" ? "numeric" : undefined}
                        onChange={(e) => update(index, column.key, e.target.value)}
                        {...errorProps(path, errors)}
                      />
                      <FieldError path={path} errors={errors} />
                    </div>
                  );
                })}
              </div>
              <button type="button" className="button--secondary" onClick={() => remove(index)}>
                Remove source {index + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      {sources.length < LIMITS.sources ? (
        <button type="button" className="button--secondary" onClick={add}>
          Add a source
        </button>
      ) : null}
    </fieldset>
  );
}

"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { fetchJson } from "@/components/admin/fetch-json";

export type ComboboxOption<T> = { key: string; label: string; hint?: string; value: T } | { key: string; label: string; hint?: string; create: string };

/**
 * A type-ahead following the ARIA combobox pattern: the input keeps focus, arrow keys move
 * through the options, Enter picks one, Escape closes the list. Enter never submits the
 * surrounding form. `url(query)` names the admin route handler to ask; `createLabel` adds
 * a last option to create what was typed when nothing matches exactly.
 */
export function Combobox<T>({
  id,
  label,
  hint,
  url,
  toOptions,
  onPick,
  onCreate,
  createLabel,
  describedBy,
  invalid,
}: {
  id: string;
  label: string;
  hint?: string;
  url: (query: string) => string;
  toOptions: (results: T[]) => { key: string; label: string; hint?: string; value: T }[];
  onPick: (value: T) => void;
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<ComboboxOption<T>[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = query.trim();
    if (text === "") {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const results = toOptions(await fetchJson<T[]>(url(text), controller.signal));
        const exact = results.some((o) => o.label.toLowerCase() === text.toLowerCase());
        const create: ComboboxOption<T>[] =
          onCreate && createLabel && !exact ? [{ key: `create:${text}`, label: createLabel(text), create: text }] : [];
        const next = [...results, ...create];
        setOptions(next);
        setActive(next.length > 0 ? 0 : -1);
        setOpen(true);
        setFailed(false);
        setStatus(results.length === 0 ? "No matches." : `${results.length} ${results.length === 1 ? "match" : "matches"}.`);
      } catch (error) {
        if (controller.signal.aborted) return;
        setFailed(true);
        setStatus("Searching failed. Your session may have ended: sign in again in another tab, then retry.");
        console.warn(error);
      }
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `url`, `toOptions` and the create callbacks are recreated on each render of the parent;
    // searching again only when the text changes is what is wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  function pick(option: ComboboxOption<T>) {
    if ("create" in option) onCreate?.(option.create);
    else onPick(option.value);
    setQuery("");
    setOptions([]);
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(options.length > 0);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length === 0 ? -1 : (i + step + options.length) % options.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = open ? options[active] : undefined;
      if (option) pick(option);
      else if (onCreate && query.trim() !== "") {
        onCreate(query.trim());
        setQuery("");
      }
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const expanded = open && options.length > 0;
  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[hint ? hintId : null, describedBy, statusId].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(options.length > 0)}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "combobox__option combobox__option--active" : "combobox__option"}
            // mousedown, not click: the input must not lose focus (and close the list) first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option);
            }}
          >
            {option.label}
            {option.hint ? <span className="combobox__hint"> {option.hint}</span> : null}
          </li>
        ))}
      </ul>
      <p id={statusId} className={failed ? "field-error" : "visually-hidden"} aria-live="polite">
        {status}
      </p>
    </div>
  );
}

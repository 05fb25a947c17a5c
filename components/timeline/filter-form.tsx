"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/** How long typing must pause before the view follows (ms). */
const TYPING_DELAY = 400;
/** Clicks close together become one navigation (ms). */
const CLICK_DELAY = 150;

/** The URL query for the form's current values, leaving out empty ones and the default sort. */
function queryOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    if (name === "sort" && value === "newest") continue;
    params.append(name, value.trim());
  }
  return params.toString();
}

/**
 * The filter panel's form. Without JavaScript it is a plain GET form with a submit button.
 * With JavaScript every change navigates (debounced while typing) with router.push, so
 * each view is a URL in the history and back/forward restore it; the server renders the
 * new view, including new facet counts.
 */
export function FilterForm({ query, children }: { query: string; children: ReactNode }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);

  // After back/forward (or any navigation) the inputs follow the URL again. The server sends
  // the right defaults; inputs the user touched keep their own state unless reset here. The
  // field being typed in is left alone so a slow response never eats keystrokes.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const element of Array.from(form.elements)) {
      if (element instanceof HTMLInputElement) {
        if (element.type === "checkbox") element.checked = element.defaultChecked;
        else if (element !== document.activeElement) element.value = element.defaultValue;
      } else if (element instanceof HTMLSelectElement) {
        for (const option of Array.from(element.options)) option.selected = option.defaultSelected;
      }
    }
  }, [query]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function navigate(form: HTMLFormElement, delay: number) {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const next = queryOf(form);
      if (next === query) return;
      router.push(next ? `/?${next}` : "/", { scroll: false });
    }, delay);
  }

  return (
    <form
      ref={formRef}
      method="get"
      action="/"
      className="filters"
      aria-label="Filter the timeline"
      role="search"
      onChange={(event) => {
        const target = event.target;
        if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
        // Dates are applied when complete: on Enter or when the field is left.
        if (target.name === "from" || target.name === "to") return;
        navigate(event.currentTarget, target.type === "search" || target.type === "text" ? TYPING_DELAY : CLICK_DELAY);
      }}
      onBlur={(event) => {
        const target = event.target;
        if (!(target instanceof HTMLInputElement)) return;
        if ((target.name === "from" || target.name === "to") && target.value !== target.defaultValue) navigate(event.currentTarget, 0);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(event.currentTarget, 0);
      }}
    >
      {children}
    </form>
  );
}

/** The id of a form field from its error path: "sources.1.url" -> "field-sources-1-url". */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** Attributes that tie a field to its error message for screen readers. */
export function errorProps(path: string, errors: Record<string, string[]>, describedBy?: string) {
  const invalid = (errors[path]?.length ?? 0) > 0;
  const ids = [describedBy, invalid ? errorId(path) : null].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined } as const;
}

export function FieldError({ path, errors }: { path: string; errors: Record<string, string[]> }) {
  const messages = errors[path];
  if (!messages || messages.length === 0) return null;
  return (
    <p id={errorId(path)} className="field-error">
      <span className="visually-hidden">Error: </span>
      {messages.join(" ")}
    </p>
  );
}

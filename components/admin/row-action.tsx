/**
 * A one-button form in an admin table row: posts hidden fields to a server action. The
 * visible text is short ("Restore"); `label` names the row for screen readers ("Restore
 * <title>"), since every row has the same button.
 */
export function RowAction({
  action,
  fields,
  label,
  children,
  secondary = false,
  inline = false,
}: {
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string | number>;
  label: string;
  children: React.ReactNode;
  secondary?: boolean;
  inline?: boolean;
}) {
  return (
    <form action={action} className={inline ? "inline-form" : undefined}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondary ? "button--small button--secondary" : "button--small"} aria-label={label}>
        {children}
      </button>
    </form>
  );
}

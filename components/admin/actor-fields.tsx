import { errorProps, FieldError, fieldId } from "@/components/admin/field-error";
import { ACTOR_KINDS } from "@/lib/events/vocabulary";

/** The kind of an actor, as a labelled select (controlled when `onChange` is given). */
export function ActorKindSelect({
  id,
  value,
  onChange,
  name,
}: {
  id: string;
  value: string;
  onChange?: (kind: string) => void;
  name?: string;
}) {
  const binding = onChange ? { value, onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange(e.target.value) } : { defaultValue: value };
  return (
    <div className="field">
      <label htmlFor={id}>Kind</label>
      <select id={id} name={name} {...binding}>
        {ACTOR_KINDS.map((k) => (
          <option key={k.slug} value={k.slug}>
            {k.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One of the actors, by id, with how many events name it. */
export function ActorSelect({
  name,
  label,
  actors,
  value,
  errors,
}: {
  name: string;
  label: string;
  actors: readonly { id: number; name: string; events: number }[];
  value: string;
  errors: Record<string, string[]>;
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <select id={fieldId(name)} name={name} defaultValue={value} key={`${name}-${value}`} {...errorProps(name, errors)}>
        <option value="">Choose…</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.events})
          </option>
        ))}
      </select>
      <FieldError path={name} errors={errors} />
    </div>
  );
}

import { ActorAliases } from "@/components/admin/actor-aliases";
import { ActorEditForm, ActorMergeForm } from "@/components/admin/actor-forms";
import { listActorChanges, listActors } from "@/lib/actors/queries";
import { requireEditor } from "@/lib/auth/current-user";
import { formatInstantDay } from "@/lib/dates/partial-date";

export const dynamic = "force-dynamic";
export const metadata = { title: "Actors" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function describeChange(action: string, details: Record<string, unknown>): string {
  if (action === "actor.merge") return `Merged “${String(details.fromName)}” into “${String(details.intoName)}”`;
  if (action === "actor.create") return `Created “${String(details.name)}”`;
  if (action === "actor.alias.add") return `Added the alias “${String(details.alias)}” to “${String(details.name)}”`;
  if (action === "actor.alias.remove") return `Removed the alias “${String(details.alias)}” from “${String(details.name)}”`;
  const before = details.before as { name?: string } | undefined;
  const after = details.after as { name?: string } | undefined;
  return before?.name !== after?.name ? `Renamed “${before?.name}” to “${after?.name}”` : `Edited “${after?.name}”`;
}

export default async function ActorsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireEditor("/admin/actors");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const [actors, all, changes] = await Promise.all([listActors(q), q ? listActors("") : null, listActorChanges()]);

  return (
    <>
      <h1>Actors</h1>
      <section aria-labelledby="merge-heading" className="panel">
        <h2 id="merge-heading">Merge duplicates</h2>
        <p className="hint">
          Every event of the duplicate moves to the actor you keep; each gets a revision, and the merge is recorded below.
        </p>
        <ActorMergeForm actors={all ?? actors} />
      </section>

      <form method="get" action="/admin/actors" role="search" aria-label="Find actors" className="filters">
        <div className="field">
          <label htmlFor="actor-q">Find (name, code or alias)</label>
          <input id="actor-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">Find</button>
      </form>

      <h2>
        {actors.length} {actors.length === 1 ? "actor" : "actors"}
      </h2>
      <ul className="actor-rows">
        {actors.map((actor) => (
          <li key={actor.id} className="actor-row">
            <p className="actor-row__name">
              <strong>{actor.name}</strong> · {actor.events} {actor.events === 1 ? "event" : "events"}
            </p>
            <ActorEditForm actor={actor} />
            <ActorAliases actor={actor} />
          </li>
        ))}
      </ul>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Recent changes</h2>
        {changes.length === 0 ? (
          <p className="note">No actor has been renamed, merged or given an alias yet.</p>
        ) : (
          <ul>
            {changes.map((change) => (
              <li key={change.id}>
                {describeChange(change.action, change.details)} · {formatInstantDay(change.createdAt)}
                {change.user ? ` · ${change.user.email}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import { flagEmoji } from "@/lib/text/flag";

type Actor = { id: number; name: string; isoCode: string | null };

/** "🇺🇸 United States, Joe Biden" — the flag is decoration, the name is the text. */
export function ActorList({ actors, empty = "—" }: { actors: readonly Actor[]; empty?: string }) {
  if (actors.length === 0) return <span className="actor-list actor-list--empty">{empty}</span>;
  return (
    <span className="actor-list">
      {actors.map((actor, index) => (
        <span key={actor.id} className="actor">
          {actor.isoCode ? (
            <span className="actor__flag" aria-hidden="true" title={actor.isoCode}>
              {flagEmoji(actor.isoCode)}
            </span>
          ) : null}
          {actor.name}
          {index < actors.length - 1 ? ", " : null}
        </span>
      ))}
    </span>
  );
}

/** Initiators -> targets, read by screen readers as "United States against Turkey". */
export function ActorFlow({ initiators, targets }: { initiators: readonly Actor[]; targets: readonly Actor[] }) {
  return (
    <p className="actor-flow">
      <ActorList actors={initiators} />
      {targets.length > 0 ? (
        <>
          <span className="actor-flow__arrow" aria-hidden="true">
            {" → "}
          </span>
          <span className="visually-hidden"> against </span>
          <ActorList actors={targets} />
        </>
      ) : null}
    </p>
  );
}

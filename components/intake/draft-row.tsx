import Link from "next/link";
import { FieldError, fieldId } from "@/components/admin/field-error";
import { DraftFields } from "@/components/intake/draft-fields";
import { Evidence } from "@/components/intake/evidence";
import { formatDateText } from "@/lib/dates/partial-date";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { candidateKeys, draftPrefix, proposedNewActors, type DraftReview } from "@/lib/intake/review";
import type { Draft } from "@/lib/intake/types";

const ACTOR_KINDS: Record<string, string> = {
  state: "state",
  bloc: "bloc",
  "international-organisation": "international organisation",
  person: "person",
  organisation: "organisation",
};

/** Errors of one draft under the prefixed paths its fields use. */
function prefixed(prefix: string, errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([path, messages]) => [`${prefix}${path}`, messages]));
}

/** One draft on the review screen: its evidence, warnings, choices to confirm, fields and buttons. */
export function DraftRow({
  index,
  draft,
  review,
  drafts,
  reviews,
}: {
  index: number;
  draft: Draft;
  review: DraftReview;
  drafts: readonly Draft[];
  reviews: readonly DraftReview[];
}) {
  const prefix = draftPrefix(index);
  const number = index + 1;
  const headingId = `draft-${number}-heading`;
  const errors = prefixed(prefix, review.errors);
  const errorPaths = Object.keys(review.errors);
  const pending = review.status === "pending";
  const candidates = candidateKeys(draft, index);
  const newActors = proposedNewActors(draft);
  const title = review.values.title || draft.title;

  return (
    <article className={`intake-draft intake-draft--${review.status}`} aria-labelledby={headingId} id={`draft-${number}`}>
      <header className="intake-draft__header">
        <h2 id={headingId}>
          Draft {number}: {title}
        </h2>
        <p className="intake-draft__status">
          {review.status === "accepted" ? (
            <>
              Accepted as{" "}
              <Link href={`/admin/events/${review.eventId}/edit`}>
                event #{review.eventId}
              </Link>
              {review.pendingLinks.length > 0
                ? `; will be linked to ${review.pendingLinks.map((i) => `draft ${i + 1}`).join(", ")} when accepted`
                : null}
            </>
          ) : review.status === "discarded" ? (
            "Discarded"
          ) : (
            "To review"
          )}
        </p>
      </header>

      <Evidence text={draft.evidence} cues={draft.cues} />
      <ul className="intake-draft__facts">
        <li>
          <strong>Proposed:</strong> {formatDateText(draft.date)} ({draft.datePrecision}) · {eventTypeInfo(draft.type).label}
          {draft.planned ? " · planned, not yet happened" : null}
        </li>
        <li>
          <strong>Who:</strong> {draft.initiators.map((a) => a.name).join(", ") || "no initiator found"}
          {draft.targets.length > 0 ? ` → ${draft.targets.map((a) => a.name).join(", ")}` : null}
        </li>
        {draft.dateSpan ? (
          <li>
            <strong>Date span:</strong> “{draft.dateSpan.text}” covers {formatDateText(draft.dateSpan.from)} to {formatDateText(draft.dateSpan.to)}
          </li>
        ) : null}
        {draft.dateInherited ? <li>The date is taken from an earlier sentence of the same report.</li> : null}
        {draft.notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>

      {draft.duplicateOf.length > 0 ? (
        <div className="intake-duplicate" role={pending ? "note" : undefined}>
          <p>
            <strong>Possibly already recorded:</strong>
          </p>
          <ul>
            {draft.duplicateOf.map((d) => (
              <li key={d.eventId}>
                <Link href={`/admin/events/${d.eventId}/edit`}>
                  #{d.eventId} {d.title}
                </Link>{" "}
                ({formatDateText(d.date)}; {d.reason})
              </li>
            ))}
          </ul>
          {pending ? (
            <>
              <label className="checkbox">
                <input type="checkbox" id={fieldId(`${prefix}notDuplicate`)} name={`${prefix}notDuplicate`} value="1" defaultChecked={review.notDuplicate} />{" "}
                Not a duplicate: accept it as a new event
              </label>
              <FieldError path={`${prefix}notDuplicate`} errors={errors} />
            </>
          ) : null}
        </div>
      ) : null}

      {pending ? (
        <>
          {errorPaths.length > 0 ? (
            <div className="form-message form-message--error" role="alert">
              <p>Draft {number} was not accepted:</p>
              <ul>
                {errorPaths.map((path) => (
                  <li key={path}>
                    <a href={`#${fieldId(`${prefix}${path}`)}`}>{review.errors[path]?.[0]}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <input type="hidden" name={`${prefix}present`} value="1" />

          {candidates.length > 0 ? (
            <fieldset className="field-group intake-candidates">
              <legend>Responds to (suggested; tick to link)</legend>
              {draft.respondsTo.map((c, i) => {
                const key = candidates.find((k) => (c.draftIndex !== undefined && c.draftIndex !== index ? k === `draft:${c.draftIndex}` : k === `event:${c.eventId}`));
                if (!key) return null;
                const other = c.draftIndex !== undefined ? reviews[c.draftIndex] : undefined;
                const label =
                  c.draftIndex !== undefined
                    ? `Draft ${c.draftIndex + 1}: ${reviews[c.draftIndex]?.values.title || drafts[c.draftIndex]?.title || c.title}`
                    : `#${c.eventId} ${c.title}`;
                return (
                  <label className="checkbox" key={`${key}-${i}`}>
                    <input type="checkbox" name={`${prefix}respondsTo`} value={key} defaultChecked={review.respondsTo.includes(key)} /> {label} (
                    {formatDateText(c.date)}; {c.reason}
                    {other?.status === "discarded" ? "; that draft is discarded" : null})
                  </label>
                );
              })}
            </fieldset>
          ) : null}

          {newActors.length > 0 ? (
            <fieldset className="field-group">
              <legend>Actors not yet recorded</legend>
              {newActors.map((p) => (
                <label className="checkbox" key={p.key}>
                  <input type="checkbox" name={`${prefix}newActor`} value={p.key} defaultChecked={review.newActors.includes(p.key)} /> Create{" "}
                  {p.actor.name} ({ACTOR_KINDS[p.actor.kind] ?? p.actor.kind}
                  {p.actor.stateCode ? `, ${p.actor.stateCode}` : ""}) and add as {p.role === "initiator" ? "an initiator" : "a target"}
                </label>
              ))}
            </fieldset>
          ) : null}

          <details className="intake-draft__edit" open={errorPaths.length > 0}>
            <summary>Edit draft {number}</summary>
            <DraftFields prefix={prefix} values={review.values} errors={errors} />
          </details>

          <div className="intake-draft__actions">
            <label className="checkbox">
              <input type="checkbox" name={`${prefix}checked`} value="1" defaultChecked={review.checked} /> Include draft {number} in “Accept all
              checked”
            </label>
            <p className="button-row">
              <button type="submit" name="intent" value={`accept:${index}`}>
                Accept draft {number}
              </button>
              <button type="submit" name="intent" value={`discard:${index}`} className="button--secondary">
                Discard draft {number}
              </button>
            </p>
          </div>
        </>
      ) : review.status === "discarded" ? (
        <p className="button-row">
          <button type="submit" name="intent" value={`restore:${index}`} className="button--secondary">
            Bring back draft {number}
          </button>
        </p>
      ) : null}
    </article>
  );
}

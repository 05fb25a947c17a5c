/**
 * The database side of the drafter: the context it resolves mentions against
 * (`loadDraftContext`) and the look-ups that follow a draft (`enrichDrafts`: possible
 * duplicates and "responds to" candidates among the events already recorded). The pure
 * drafter never touches the database; the review screen calls these around it.
 */
import type { Db } from "@/lib/db/client";
import { parsePartialDate } from "@/lib/dates/partial-date";
import { findDuplicateEvents, findRespondsToEvents, type Candidate, type EventProbe } from "@/lib/events/duplicates";
import { ACTOR_KIND_SLUGS, type ActorKind } from "@/lib/events/vocabulary";
import type { Draft, DraftContext, DuplicateCandidate, RespondsToCandidate } from "./types";

/** Upper bounds on what one context holds; a larger database drafts with its most-used part. */
export const CONTEXT_MAX_ACTORS = 20_000;
export const CONTEXT_MAX_ALIASES_PER_ACTOR = 100;
export const CONTEXT_MAX_LEGAL_BASES = 5_000;
/** At most this many drafts of one article are looked up in the database. */
export const ENRICH_MAX_DRAFTS = 200;

/**
 * Every actor (states, blocs, organisations and persons) with its aliases, and its state's
 * ISO code (its own for a state; the nearest ancestor's for a person or an agency), plus
 * the legal bases already recorded, most used first. Bounded (see the limits above).
 */
export async function loadDraftContext(db: Db): Promise<DraftContext> {
  // Two flat reads rather than a nested one: a relation read with a per-actor limit costs far more.
  const [actors, aliasRows, bases] = await Promise.all([
    db.actor.findMany({
      orderBy: { id: "asc" },
      take: CONTEXT_MAX_ACTORS,
      select: { id: true, name: true, kind: true, isoCode: true, parentId: true },
    }),
    db.actorAlias.findMany({
      orderBy: { id: "asc" },
      take: CONTEXT_MAX_ACTORS * 10,
      select: { actorId: true, alias: true },
    }),
    db.event.groupBy({
      by: ["legalBasis"],
      where: { deletedAt: null, legalBasis: { not: null } },
      _count: { legalBasis: true },
      orderBy: [{ _count: { legalBasis: "desc" } }, { legalBasis: "asc" }],
      take: CONTEXT_MAX_LEGAL_BASES,
    }),
  ]);
  const byId = new Map(actors.map((a) => [a.id, a]));
  const aliasesOf = new Map<number, string[]>();
  for (const row of aliasRows) {
    const list = aliasesOf.get(row.actorId) ?? aliasesOf.set(row.actorId, []).get(row.actorId);
    if (list && list.length < CONTEXT_MAX_ALIASES_PER_ACTOR) list.push(row.alias);
  }
  const stateCodeOf = (id: number): string | null => {
    // Up the parent chain (an agency of a ministry of a state), guarding against a cycle.
    let current = byId.get(id);
    for (let depth = 0; current && depth < 8; depth++) {
      if (current.isoCode) return current.isoCode;
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return null;
  };
  const kinds = ACTOR_KIND_SLUGS as readonly string[];
  return {
    actors: actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: (kinds.includes(a.kind) ? a.kind : "organisation") as ActorKind,
      isoCode: a.kind === "state" ? a.isoCode : null,
      stateCode: stateCodeOf(a.id),
      aliases: aliasesOf.get(a.id) ?? [],
    })),
    legalBases: bases.flatMap((b) => (b.legalBasis ? [b.legalBasis] : [])),
  };
}

/** What a draft would record, in the shape the shared finders compare; null when its date cannot be read. */
export function draftProbe(draft: Draft): EventProbe | null {
  const date = parsePartialDate(draft.date);
  if (!date) return null;
  const end = draft.dateEnd ? parsePartialDate(draft.dateEnd) : null;
  const ids = (actors: Draft["initiators"]) => [...new Set(actors.flatMap((a) => (a.actorId === null ? [] : [a.actorId])))];
  return {
    dateStart: date.start,
    dateEnd: end && end.end > date.end ? end.end : date.end,
    type: draft.type,
    title: draft.title,
    initiatorIds: ids(draft.initiators),
    targetIds: ids(draft.targets),
  };
}

/** A recorded event's date as the drafts write theirs: "2021", "2021-04" or "2021-04-28". */
function candidateDate(c: Candidate): string {
  return c.dateStart.slice(0, c.datePrecision === "year" ? 4 : c.datePrecision === "month" ? 7 : 10);
}

export async function findDuplicates(db: Db, draft: Draft): Promise<DuplicateCandidate[]> {
  const probe = draftProbe(draft);
  if (!probe) return [];
  return (await findDuplicateEvents(db, probe)).map((c) => ({ eventId: c.eventId, title: c.title, date: candidateDate(c), score: c.score, reason: c.reason }));
}

export async function findRespondsToCandidates(db: Db, draft: Draft, options: { excludeIds?: readonly number[] } = {}): Promise<RespondsToCandidate[]> {
  const probe = draftProbe(draft);
  if (!probe) return [];
  return (await findRespondsToEvents(db, probe, options)).map((c) => ({
    eventId: c.eventId,
    title: c.title,
    date: candidateDate(c),
    score: c.score,
    reason: c.reason,
  }));
}

/**
 * Each draft with its possible duplicates (`duplicateOf`) and, beside the drafter's own
 * "responds to" candidates (from the text, or to another draft), the recorded events it may
 * answer; all ranked by score, highest first. A likely duplicate is never also offered as
 * what the draft responds to. Returns new drafts; the input is left as it was.
 */
export async function enrichDrafts(db: Db, drafts: readonly Draft[]): Promise<Draft[]> {
  const out: Draft[] = [];
  for (const [i, draft] of drafts.entries()) {
    if (i >= ENRICH_MAX_DRAFTS) {
      out.push(draft);
      continue;
    }
    const duplicates = await findDuplicates(db, draft);
    const duplicateIds = duplicates.map((d) => d.eventId);
    const fromDb = await findRespondsToCandidates(db, draft, { excludeIds: duplicateIds });
    out.push({
      ...draft,
      duplicateOf: mergeRanked(draft.duplicateOf, duplicates, (c) => `e${c.eventId}`),
      respondsTo: mergeRanked(
        draft.respondsTo.filter((c) => c.eventId === undefined || !duplicateIds.includes(c.eventId)),
        fromDb,
        (c) => (c.eventId !== undefined ? `e${c.eventId}` : `d${c.draftIndex ?? ""}`),
      ),
    });
  }
  return out;
}

/** Two candidate lists as one, each candidate once (its best score kept), highest score first. */
function mergeRanked<T extends { score: number }>(a: readonly T[], b: readonly T[], key: (c: T) => string): T[] {
  const best = new Map<string, T>();
  for (const c of [...a, ...b]) {
    const k = key(c);
    const known = best.get(k);
    if (!known || c.score > known.score) best.set(k, c);
  }
  return [...best.values()].sort((x, y) => y.score - x.score);
}

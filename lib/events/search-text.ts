import type { EventSnapshot } from "@/lib/events/snapshot";
import { foldText } from "@/lib/text/fold";

export type SearchTextInput = {
  title: string;
  summary?: string | null;
  legalBasis?: string | null;
  location?: string | null;
  actorNames: readonly string[];
  actorCodes?: readonly (string | null)[];
  tags: readonly string[];
  sources: readonly { title?: string | null; publisher?: string | null }[];
};

/**
 * The denormalised search text of an event: everything a reader may search for, folded
 * once at write time so that reads compare plain lowercase ASCII-ish text.
 */
export function buildSearchText(input: SearchTextInput): string {
  const parts = [
    input.title,
    input.summary,
    input.legalBasis,
    input.location,
    ...input.actorNames,
    ...(input.actorCodes ?? []),
    ...input.tags,
    ...input.sources.flatMap((s) => [s.title, s.publisher]),
  ];
  return foldText(parts.filter((p): p is string => typeof p === "string" && p !== "").join(" \n "));
}

/**
 * The search text of an event as stored: what every writer puts in Event.searchText (the
 * editors' saves, actor renames and the import's bulk writes), from the event's snapshot,
 * so that actors and tags come in one order whoever writes.
 */
export function snapshotSearchText(snapshot: EventSnapshot): string {
  const actors = [...snapshot.initiators, ...snapshot.targets];
  return buildSearchText({
    title: snapshot.title,
    summary: snapshot.summary,
    legalBasis: snapshot.legalBasis,
    location: snapshot.location,
    actorNames: actors.map((a) => a.name),
    actorCodes: actors.map((a) => a.isoCode),
    tags: snapshot.tags,
    sources: snapshot.sources,
  });
}

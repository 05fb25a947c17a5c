import { beforeAll, describe, expect, it } from "vitest";
import { addActorAlias } from "@/lib/actors/alias-write";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { searchActors } from "@/lib/events/admin-queries";
import { ActorDirectory } from "@/lib/import/actors";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";
import { loadExamples } from "./example-data";

const ids = new Map<string, number>();
const id = (name: string) => ids.get(name) ?? -1;

beforeAll(async () => {
  await loadExamples(prisma);
  for (const a of await prisma.actor.findMany({ select: { id: true, name: true } })) ids.set(a.name, a.id);
  // One alias that two actors share (the example file lists it for a person and an organisation).
  await prisma.actorAlias.create({ data: { actorId: id("John Bolton"), alias: "JB", normalised: "jb", kind: "other" } });
  await prisma.actorAlias.create({ data: { actorId: id("Joe Biden"), alias: "J.B.", normalised: "jb", kind: "other" } });
});

describe("the admin's actor picker", () => {
  it("finds actors by alias, an exact alias first, and says which alias matched", async () => {
    const us = await searchActors("U.S.");
    expect(us[0]).toMatchObject({ name: "United States", alias: "US" });
    expect((await searchActors("kremlin"))[0]).toMatchObject({ name: "Russia", alias: "the Kremlin" });
    expect((await searchActors("Türkiye"))[0]).toMatchObject({ name: "Turkey", alias: "Türkiye" });
    expect((await searchActors("turkiye"))[0]?.name).toBe("Turkey");
    expect((await searchActors("Sergei"))[0]).toMatchObject({ name: "Sergey Lavrov", alias: "Sergei Lavrov" });
    // A name match needs no alias: none is reported, and the actor is listed once.
    const lavrov = await searchActors("lavrov");
    expect(lavrov.map((a) => a.name)).toEqual(["Sergey Lavrov"]);
    expect(lavrov[0]?.alias).toBeUndefined();
  });

  it("finds an alias an editor just added, and nothing for punctuation alone", async () => {
    await prisma.$transaction((tx) => addActorAlias(tx, id("Czech Republic"), { alias: "Česko", kind: "name" }, null));
    expect((await searchActors("cesko"))[0]?.name).toBe("Czech Republic");
    expect(await searchActors("...")).toEqual([]);
  });
});

describe("the import's actor resolution", () => {
  it("resolves names through aliases after names, slugs and codes; a shared alias resolves to no one", async () => {
    const directory = await ActorDirectory.load(prisma);
    expect(directory.resolve({ name: "U.S." })).toBe(id("United States"));
    expect(directory.resolve({ name: "the Kremlin" })).toBe(id("Russia"));
    expect(directory.resolve({ name: "TÜRKIYE" })).toBe(id("Turkey"));
    expect(directory.resolve({ name: "Sergei Lavrov" })).toBe(id("Sergey Lavrov"));
    expect(directory.resolve({ name: "Russia" })).toBe(id("Russia"));
    const shared = directory.resolve({ name: "JB" });
    expect(typeof shared === "number" && shared > 1_000_000_000).toBe(true);
    expect(directory.newNames()).toEqual(["JB"]);
  });
});

describe("the timeline's actor references and search", () => {
  const refs = async (query: string) => {
    const { resolved, problems, canonical } = await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(query)).filters);
    return { resolved, problems, canonical };
  };

  it("resolves an actor filter given by alias, and links with the actor's slug", async () => {
    const { resolved, problems, canonical } = await refs("actor=Kremlin&initiator=U.S.&target=the%20White%20House&target=T%C3%BCrkiye");
    expect(problems).toEqual([]);
    expect(resolved.actorIds).toEqual([id("Russia")]);
    expect(resolved.initiatorIds).toEqual([id("United States")]);
    expect(resolved.targetIds.sort()).toEqual([id("United States"), id("Turkey")].sort());
    expect(canonical.get("kremlin")).toBe("russia");

    const page = await resolveTimelineQuery("actor=the-kremlin&target=T%C3%BCrkiye");
    expect(page.filters.actors).toEqual(["russia"]);
    expect(page.filters.targets).toEqual(["turkey"]);
    expect(page.query).toBe("actor=russia&target=turkey");
  });

  it("finds the same events by alias as by slug, and reports an unknown alias", async () => {
    const bySlug = await refs("actor=russia");
    const byAlias = await refs("actor=moscow");
    expect(bySlug.resolved.actorIds.length).toBe(1);
    expect(byAlias.resolved.actorIds).toEqual(bySlug.resolved.actorIds);
    const unknown = await refs("actor=atlantis");
    expect(unknown.resolved.actorIds).toEqual([]);
    expect(unknown.problems[0]?.message).toMatch(/No actor "atlantis"/);
    // A shared alias filters by every actor that has it.
    expect((await refs("actor=J.B.")).resolved.actorIds.sort()).toEqual([id("John Bolton"), id("Joe Biden")].sort());
  });

  it("a search that is an actor's alias also finds that actor's events", async () => {
    const russiaEvents = await prisma.eventParticipant.findMany({ where: { actorId: id("Russia") }, select: { eventId: true }, distinct: ["eventId"] });
    expect(russiaEvents.length).toBeGreaterThan(0);
    const kremlin = (await refs("q=the+Kremlin")).resolved.searchIds ?? [];
    for (const e of russiaEvents) expect(kremlin).toContain(e.eventId);
    // A word that is nobody's alias searches the text only.
    const text = (await refs("q=kremlinology")).resolved.searchIds;
    expect(text).toEqual([]);
  });
});

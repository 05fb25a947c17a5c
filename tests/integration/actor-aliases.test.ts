import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addActorAlias, removeActorAlias, seedStateAliases } from "@/lib/actors/alias-write";
import { createActor, mergeActors } from "@/lib/actors/write";
import { createTestDatabase } from "./database";
import { loadExamples } from "./example-data";

const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

let russia: number;
let us: number;
let turkey: number;

beforeAll(async () => {
  await loadExamples(prisma);
  const ids = new Map((await prisma.actor.findMany({ select: { id: true, name: true } })).map((a) => [a.name, a.id]));
  russia = ids.get("Russia") ?? 0;
  us = ids.get("United States") ?? 0;
  turkey = ids.get("Turkey") ?? 0;
});

const aliasesOf = async (actorId: number) =>
  (await prisma.actorAlias.findMany({ where: { actorId }, select: { normalised: true } })).map((a) => a.normalised);

describe("built-in aliases", () => {
  it("are seeded for every state by the example data, with kinds", async () => {
    expect(await aliasesOf(russia)).toEqual(expect.arrayContaining(["russian federation", "russian", "moscow", "kremlin"]));
    expect(await aliasesOf(us)).toEqual(expect.arrayContaining(["us", "usa", "american", "washington", "white house"]));
    expect(await aliasesOf(turkey)).toContain("turkiye");
    const kremlin = await prisma.actorAlias.findFirstOrThrow({ where: { normalised: "kremlin" } });
    expect(kremlin).toMatchObject({ actorId: russia, alias: "the Kremlin", kind: "metonym", origin: "builtin" });
    // Persons and organisations get only what the example file lists.
    const lavrov = await prisma.actor.findUniqueOrThrow({ where: { name: "Sergey Lavrov" }, select: { aliases: { select: { alias: true, kind: true } } } });
    expect(lavrov.aliases).toEqual([{ alias: "Sergei Lavrov", kind: "transliteration" }]);
  });

  it("re-seeding adds nothing, keeps an admin's alias once and does not bring back a removed one", async () => {
    const before = await prisma.actorAlias.count();
    expect((await seedStateAliases(prisma)).added).toBe(0);
    expect(await prisma.actorAlias.count()).toBe(before);

    const moscow = await prisma.actorAlias.findFirstOrThrow({ where: { actorId: russia, normalised: "moscow" } });
    await prisma.$transaction((tx) => removeActorAlias(tx, russia, moscow.id, null));
    // A state whose built-in alias an admin had already typed by hand.
    await prisma.actorAlias.deleteMany({ where: { actorId: us, normalised: "american" } });
    await prisma.$transaction((tx) => addActorAlias(tx, us, { alias: "AMERICAN", kind: "demonym" }, null));

    const again = await seedStateAliases(prisma);
    expect(again.added).toBe(0);
    expect(await aliasesOf(russia)).not.toContain("moscow");
    const american = await prisma.actorAlias.findMany({ where: { actorId: us, normalised: "american" } });
    expect(american).toHaveLength(1);
    expect(american[0]).toMatchObject({ alias: "AMERICAN", origin: "admin" });
  });

  it("a state recorded under another name gets the gazetteer's name as an alias", async () => {
    const gb = await prisma.$transaction((tx) => createActor(tx, { name: "Great Britain and Northern Ireland", kind: "state", isoCode: "GB" }, null));
    expect(await aliasesOf(gb.id)).toEqual(expect.arrayContaining(["united kingdom", "uk", "britain", "british", "london"]));
  });

  it("a new state actor gets its aliases at creation; one naming another actor is left out", async () => {
    await prisma.$transaction((tx) => addActorAlias(tx, turkey, { alias: "Paris", kind: "other" }, null));
    const france = await prisma.$transaction((tx) => createActor(tx, { name: "France", kind: "state", isoCode: "FR" }, null));
    const fr = await aliasesOf(france.id);
    expect(fr).toEqual(expect.arrayContaining(["french"]));
    expect(fr).not.toContain("paris");
    expect(await prisma.actorAlias.count({ where: { normalised: "paris" } })).toBe(1);
  });
});

describe("editing aliases", () => {
  it("adds an alias with its folded form and logs it", async () => {
    await prisma.$transaction((tx) => addActorAlias(tx, russia, { alias: "Rossiya", kind: "transliteration" }, null));
    const row = await prisma.actorAlias.findFirstOrThrow({ where: { normalised: "rossiya" } });
    expect(row).toMatchObject({ actorId: russia, alias: "Rossiya", kind: "transliteration", origin: "admin" });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "actor.alias.add", subjectId: String(russia) }, orderBy: { id: "desc" } });
    expect(JSON.parse(log.details)).toMatchObject({ name: "Russia", alias: "Rossiya", kind: "transliteration", normalised: "rossiya" });
  });

  it("refuses duplicates, the actor's own name and aliases that name another actor, with clear messages", async () => {
    const add = (actorId: number, alias: string) => prisma.$transaction((tx) => addActorAlias(tx, actorId, { alias, kind: "other" }, null));
    await expect(add(russia, "the KREMLIN")).rejects.toThrow("Russia already has the alias “the Kremlin”.");
    await expect(add(russia, "russia")).rejects.toThrow("is Russia’s own name");
    await expect(add(turkey, "Kremlin")).rejects.toThrow("“Kremlin” already names Russia");
    await expect(add(turkey, "United-States")).rejects.toThrow("already names United States");
    await expect(add(turkey, "US")).rejects.toThrow("already names United States");
    await expect(add(turkey, "...")).rejects.toThrow("at least one letter");
    await expect(add(999_999, "Nowhere")).rejects.toThrow("no longer exists");
    expect(await prisma.actorAlias.count({ where: { actorId: turkey, normalised: { in: ["kremlin", "us", "united states"] } } })).toBe(0);
  });

  it("removes an alias once and logs it; a second removal is a clear error", async () => {
    const row = await prisma.actorAlias.findFirstOrThrow({ where: { normalised: "rossiya" } });
    await expect(prisma.$transaction((tx) => removeActorAlias(tx, turkey, row.id, null))).rejects.toThrow("already removed");
    await prisma.$transaction((tx) => removeActorAlias(tx, russia, row.id, null));
    expect(await prisma.actorAlias.count({ where: { normalised: "rossiya" } })).toBe(0);
    await expect(prisma.$transaction((tx) => removeActorAlias(tx, russia, row.id, null))).rejects.toThrow("already removed");
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "actor.alias.remove" }, orderBy: { id: "desc" } });
    expect(JSON.parse(log.details)).toMatchObject({ alias: "Rossiya", origin: "admin" });
  });

  it("cascades on actor delete, and a merge moves aliases and the duplicate's name to the kept actor", async () => {
    const temp = await prisma.$transaction((tx) => createActor(tx, { name: "Temporaria", kind: "organisation", isoCode: null }, null));
    await prisma.$transaction((tx) => addActorAlias(tx, temp.id, { alias: "Tempo", kind: "other" }, null));
    await prisma.actor.delete({ where: { id: temp.id } });
    expect(await prisma.actorAlias.count({ where: { normalised: "tempo" } })).toBe(0);

    const dup = await prisma.$transaction((tx) => createActor(tx, { name: "Russian Govt", kind: "organisation", isoCode: null }, null));
    await prisma.$transaction((tx) => addActorAlias(tx, dup.id, { alias: "Moskva", kind: "transliteration" }, null));
    await prisma.$transaction((tx) => mergeActors(tx, dup.id, russia, null));
    expect(await aliasesOf(russia)).toEqual(expect.arrayContaining(["moskva", "russian govt"]));
  });
});

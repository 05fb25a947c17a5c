import type { Db } from "@/lib/db/client";
import { normaliseAlias, type AliasKind } from "@/lib/actors/alias-normalise";
import { ExpectedError } from "@/lib/errors";
import { builtInAliasSource, type BuiltInStateAliases } from "@/lib/actors/builtin-aliases";
import { slugify } from "@/lib/text/fold";

export type AliasInput = { alias: string; kind: AliasKind };

/**
 * Which other actor already goes by `normalised` (as an alias, by name or by ISO code), so
 * that one alias never points to two actors: a mention or a typed name must resolve to one.
 */
async function otherActorNamed(db: Db, actorId: number, alias: string, normalised: string): Promise<string | null> {
  const viaAlias = await db.actorAlias.findFirst({
    where: { normalised, actorId: { not: actorId } },
    select: { actor: { select: { name: true } } },
  });
  if (viaAlias) return viaAlias.actor.name;
  const code = /^[a-z]{2}$/.test(normalised) ? normalised.toUpperCase() : null;
  const viaName = await db.actor.findFirst({
    where: {
      id: { not: actorId },
      OR: [{ slug: slugify(alias) }, { slug: normalised.replaceAll(" ", "-") }, ...(code ? [{ isoCode: code }] : [])],
    },
    select: { name: true },
  });
  return viaName?.name ?? null;
}

/** Adds an alias an admin typed; refuses one the actor already has or that names another actor. */
export async function addActorAlias(db: Db, actorId: number, input: AliasInput, userId: number | null): Promise<{ id: number }> {
  const actor = await db.actor.findUnique({ where: { id: actorId }, select: { id: true, name: true } });
  if (!actor) throw new ExpectedError("not-found", "actor", "This actor no longer exists.");
  const alias = input.alias.trim().replace(/\s+/g, " ");
  const normalised = normaliseAlias(alias);
  if (normalised === "") throw new ExpectedError("invalid", "alias", "An alias needs at least one letter or digit.");
  if (normaliseAlias(actor.name) === normalised) throw new ExpectedError("invalid", "alias", `“${alias}” is ${actor.name}’s own name.`);
  const same = await db.actorAlias.findUnique({ where: { actorId_normalised: { actorId, normalised } }, select: { alias: true } });
  if (same) throw new ExpectedError("invalid", "alias", `${actor.name} already has the alias “${same.alias}”.`);
  const other = await otherActorNamed(db, actorId, alias, normalised);
  if (other) throw new ExpectedError("invalid", "alias", `“${alias}” already names ${other}; remove it there first.`);
  const created = await db.actorAlias.create({
    data: { actorId, alias, normalised, kind: input.kind, origin: "admin" },
    select: { id: true },
  });
  await db.auditLog.create({
    data: {
      action: "actor.alias.add",
      subjectType: "actor",
      subjectId: String(actorId),
      details: JSON.stringify({ name: actor.name, alias, kind: input.kind, normalised }),
      userId,
    },
  });
  return created;
}

/**
 * Removes an alias. A built-in one stays removed: the audit entry is what re-seeding
 * (`seedStateAliases`) reads to leave it out.
 */
export async function removeActorAlias(db: Db, actorId: number, aliasId: number, userId: number | null): Promise<{ alias: string }> {
  const row = await db.actorAlias.findFirst({
    where: { id: aliasId, actorId },
    select: { alias: true, kind: true, normalised: true, origin: true, actor: { select: { name: true } } },
  });
  if (!row) throw new ExpectedError("not-found", "alias", "This alias was already removed.");
  await db.actorAlias.delete({ where: { id: aliasId } });
  await db.auditLog.create({
    data: {
      action: "actor.alias.remove",
      subjectType: "actor",
      subjectId: String(actorId),
      details: JSON.stringify({ name: row.actor.name, alias: row.alias, kind: row.kind, normalised: row.normalised, origin: row.origin }),
      userId,
    },
  });
  return { alias: row.alias };
}

/**
 * Moves a merged actor's aliases, and its name as an alias, to the actor kept (inside the
 * merge's transaction, before the duplicate is deleted).
 */
export async function moveAliasesOnMerge(db: Db, fromId: number, intoId: number): Promise<void> {
  const from = await db.actor.findUnique({ where: { id: fromId }, select: { name: true, aliases: { select: { alias: true, normalised: true, kind: true, origin: true } } } });
  const into = await db.actor.findUnique({ where: { id: intoId }, select: { name: true, aliases: { select: { normalised: true } } } });
  if (!from || !into) return;
  const taken = new Set([normaliseAlias(into.name), ...into.aliases.map((a) => a.normalised)]);
  const rows = [{ alias: from.name, normalised: normaliseAlias(from.name), kind: "name", origin: "admin" }, ...from.aliases].filter((a) => {
    if (a.normalised === "" || taken.has(a.normalised)) return false;
    taken.add(a.normalised);
    return true;
  });
  await db.actorAlias.deleteMany({ where: { actorId: fromId } });
  if (rows.length > 0) await db.actorAlias.createMany({ data: rows.map((r) => ({ ...r, actorId: intoId })) });
}

export type SeedResult = { states: number; added: number; skipped: number };

/**
 * Gives every state actor (kind "state" with an ISO code) the built-in aliases of its code.
 * Idempotent: an alias the actor has (built in or typed by an admin) is not added again, one
 * an admin removed is not brought back, and one that already names another actor, or that
 * the gazetteer gives to two states, is left out (it could not resolve to one actor).
 */
export async function seedStateAliases(
  db: Db,
  options: { actorIds?: readonly number[]; source?: readonly BuiltInStateAliases[] } = {},
): Promise<SeedResult> {
  const source = options.source ?? builtInAliasSource();
  const states = await db.actor.findMany({
    where: { kind: "state", isoCode: { not: null }, ...(options.actorIds ? { id: { in: [...options.actorIds] } } : {}) },
    select: { id: true, name: true, isoCode: true },
  });
  if (states.length === 0) return { states: 0, added: 0, skipped: 0 };

  // Who goes by what already: every alias and every actor's own name.
  const owner = new Map<string, number>();
  for (const a of await db.actorAlias.findMany({ select: { actorId: true, normalised: true } })) owner.set(a.normalised, a.actorId);
  for (const a of await db.actor.findMany({ select: { id: true, name: true } })) {
    const key = normaliseAlias(a.name);
    if (!owner.has(key)) owner.set(key, a.id);
  }
  const removed = new Set<string>();
  const removals = await db.auditLog.findMany({ where: { subjectType: "actor", action: "actor.alias.remove" }, select: { subjectId: true, details: true } });
  for (const r of removals) {
    const details = JSON.parse(r.details) as { normalised?: unknown };
    if (typeof details.normalised === "string") removed.add(`${r.subjectId}:${details.normalised}`);
  }
  // An alias the gazetteer gives to two states resolves to neither.
  const statesFor = new Map<string, Set<string>>();
  for (const state of source) {
    for (const a of state.aliases) {
      const key = normaliseAlias(a.alias);
      (statesFor.get(key) ?? statesFor.set(key, new Set()).get(key))?.add(state.isoCode);
    }
  }
  const byCode = new Map(source.map((s) => [s.isoCode, s]));

  const rows: { actorId: number; alias: string; normalised: string; kind: string; origin: string }[] = [];
  let skipped = 0;
  for (const state of states) {
    const entry = state.isoCode ? byCode.get(state.isoCode) : undefined;
    if (!entry) continue;
    for (const a of entry.aliases) {
      const normalised = normaliseAlias(a.alias);
      const holder = owner.get(normalised);
      if (holder === state.id) continue;
      if (normalised === "" || holder !== undefined || (statesFor.get(normalised)?.size ?? 0) > 1 || removed.has(`${state.id}:${normalised}`)) {
        skipped++;
        continue;
      }
      owner.set(normalised, state.id);
      rows.push({ actorId: state.id, alias: a.alias, normalised, kind: a.kind, origin: "builtin" });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.actorAlias.createMany({ data: rows.slice(i, i + 500) });
  return { states: states.length, added: rows.length, skipped };
}

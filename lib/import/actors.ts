import { shorten } from "@/lib/import/limits";
import type { Db } from "@/lib/db/client";
import type { EventInput } from "@/lib/events/schema";
import { ACTOR_KIND_SLUGS, type ActorKind } from "@/lib/events/vocabulary";
import type { ActorRef } from "@/lib/import/draft";
import { normaliseAlias } from "@/lib/actors/alias-normalise";
import { slugify } from "@/lib/text/fold";

/**
 * Ids far above any real actor id stand in for actors the file introduces, so that a dry
 * run can validate rows naming them without writing anything. `materialise` swaps them for
 * the ids of the actors it creates.
 */
export const PLACEHOLDER_BASE = 2_000_000_000;

/** The kind given to an actor an import creates when the file does not say (CSV files do not). */
export const DEFAULT_NEW_ACTOR_KIND: ActorKind = "organisation";

export type PlannedActor = { placeholder: number; name: string; slug: string; kind: ActorKind; isoCode: string | null };

/**
 * Every actor, in memory for the length of an import (actors number in the thousands, rows
 * in the hundreds of thousands): names are matched exactly, then case- and accent-
 * insensitively through the slug; ISO codes match states ("US"); then aliases by their
 * folded form ("U.S.", "the Kremlin", "Türkiye"), an alias two actors share matching neither.
 */
export class ActorDirectory {
  private readonly planned = new Map<string, PlannedActor>();
  private readonly created = new Map<number, number>();

  private constructor(
    private readonly byName: Map<string, number>,
    private readonly bySlug: Map<string, number>,
    private readonly byCode: Map<string, number>,
    private readonly byAlias: Map<string, number>,
  ) {}

  static async load(db: Db): Promise<ActorDirectory> {
    const actors = await db.actor.findMany({ select: { id: true, name: true, slug: true, isoCode: true } });
    const aliases = await db.actorAlias.findMany({ select: { actorId: true, normalised: true } });
    const byAlias = new Map<string, number>();
    const shared = new Set<string>();
    for (const a of aliases) {
      const other = byAlias.get(a.normalised);
      if (other !== undefined && other !== a.actorId) shared.add(a.normalised);
      byAlias.set(a.normalised, a.actorId);
    }
    for (const key of shared) byAlias.delete(key);
    return new ActorDirectory(
      new Map(actors.map((a) => [a.name, a.id])),
      new Map(actors.map((a) => [a.slug, a.id])),
      new Map(actors.flatMap((a) => (a.isoCode ? [[a.isoCode, a.id] as const] : []))),
      byAlias,
    );
  }

  /** The actor's id (a placeholder for one the import will create), or why there is none. */
  resolve(ref: ActorRef): number | { error: string } {
    const name = ref.name.trim();
    if (ref.byCode) {
      return this.byCode.get(name.toUpperCase()) ?? { error: `No actor has the ISO code "${shorten(name, 40)}".` };
    }
    const slug = slugify(name);
    const known =
      this.byName.get(name) ??
      this.bySlug.get(slug) ??
      (/^[A-Z]{2}$/.test(name) ? this.byCode.get(name) : undefined) ??
      this.byAlias.get(normaliseAlias(name));
    if (known !== undefined) return known;
    if (name.length > 200) return { error: `An actor name has at most 200 characters ("${name.slice(0, 40)}…").` };
    let planned = this.planned.get(slug);
    if (!planned) {
      const isoCode = ref.isoCode && /^[A-Z]{2}$/.test(ref.isoCode) && !this.byCode.has(ref.isoCode) ? ref.isoCode : null;
      const kind = (ACTOR_KIND_SLUGS as readonly string[]).includes(ref.kind ?? "") ? (ref.kind as ActorKind) : DEFAULT_NEW_ACTOR_KIND;
      planned = { placeholder: PLACEHOLDER_BASE + this.planned.size, name, slug, kind, isoCode };
      this.planned.set(slug, planned);
    }
    return planned.placeholder;
  }

  /** Names of the actors the file introduces, in the order first met. */
  newNames(): string[] {
    return [...this.planned.values()].map((a) => a.name);
  }

  /** Creates the new actors `input` names (once each) and returns the input with their real ids. */
  /** The actors a row's input names by placeholder, to be created when the row is written (a staged import). */
  placeholdersOf(input: EventInput): PlannedActor[] {
    const ids = new Set([...input.initiatorIds, ...input.targetIds].filter((id) => id >= PLACEHOLDER_BASE));
    return [...this.planned.values()].filter((a) => ids.has(a.placeholder));
  }

  async materialise(db: Db, input: EventInput): Promise<EventInput> {
    const real = async (id: number): Promise<number> => {
      if (id < PLACEHOLDER_BASE) return id;
      const done = this.created.get(id);
      if (done !== undefined) return done;
      const actor = [...this.planned.values()].find((a) => a.placeholder === id);
      if (!actor) throw new Error(`Unknown placeholder actor id ${id}`);
      const { id: createdId } = await db.actor.create({
        data: { name: actor.name, slug: actor.slug, kind: actor.kind, isoCode: actor.isoCode },
        select: { id: true },
      });
      this.created.set(id, createdId);
      return createdId;
    };
    const initiatorIds: number[] = [];
    for (const id of input.initiatorIds) initiatorIds.push(await real(id));
    const targetIds: number[] = [];
    for (const id of input.targetIds) targetIds.push(await real(id));
    return { ...input, initiatorIds, targetIds };
  }
}

import "server-only";
import { prisma } from "@/lib/db";
import type { TimelineFilters } from "@/lib/timeline/filters";
import { describeView } from "@/lib/timeline/links";

/** The timeline's one-line summary of a view ("3 events · Russia → United States · Apr 2021"), with names from the database. */
export async function describeFilters(filters: TimelineFilters, total: number): Promise<string> {
  const refs = [...new Set([...filters.actors, ...filters.initiators, ...filters.targets])];
  const [actors, tags] = await Promise.all([
    refs.length === 0
      ? []
      : prisma.actor.findMany({
          where: { OR: [{ slug: { in: refs } }, { isoCode: { in: refs.map((r) => r.toUpperCase()) } }] },
          select: { name: true, slug: true, isoCode: true },
        }),
    filters.tags.length === 0 ? [] : prisma.tag.findMany({ where: { slug: { in: filters.tags } }, select: { name: true, slug: true } }),
  ]);
  const labelFor = (param: string, value: string) => {
    if (param === "tag") return tags.find((t) => t.slug === value)?.name ?? value;
    return actors.find((a) => a.slug === value || a.isoCode?.toLowerCase() === value)?.name ?? value;
  };
  return describeView(filters, total, labelFor);
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { timelineEventIds } from "@/lib/timeline/view";
import { CHAIN_COUNT_LIMIT, getChainAround, listViewChains } from "@/lib/patterns/chain-queries";
import { CHAIN_ORDERS, rankChains } from "@/lib/patterns/chains";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { eventIdsByTitle, loadExamples } from "./example-data";

let ids: Map<string, number>;
const id = (title: string) => {
  const found = ids.get(title);
  if (found === undefined) throw new Error(`no event "${title}"`);
  return found;
};

const EXPULSIONS = [
  "US expels 10 Russian diplomats",
  "Russia orders 10 US diplomats to leave",
  "Russia formally declares 10 US embassy employees persona non grata",
];

beforeAll(async () => {
  await loadExamples(prisma);
  ids = await eventIdsByTitle(prisma);
});

async function resolved(q: string) {
  return (await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(q)).filters)).resolved;
}

describe("the chain around an event", () => {
  it("is the same whole chain from each of its events, with its relations and sides", async () => {
    for (const title of EXPULSIONS) {
      const chain = await getChainAround(id(title));
      expect(chain?.steps.map((s) => s.title)).toEqual(EXPULSIONS);
      expect(chain?.relations).toHaveLength(2);
      expect(chain?.total).toBe(3);
      expect(chain?.truncated).toBe(false);
      expect(chain?.centre).toBe(id(title));
      expect(chain?.steps[0]?.initiators.map((s) => s.value)).toEqual(["us"]);
      expect(chain?.steps[0]?.targets.map((s) => s.value)).toEqual(["ru"]);
    }
    const lone = await getChainAround(id("Lavrov says US-Russia ties are worse than during the Cold War"));
    expect(lone?.total).toBe(1);
    expect(await getChainAround(999_999)).toBeNull();
    expect(await getChainAround(2 ** 40)).toBeNull();
  });

  it("does not pass through drafts or the trash", async () => {
    const middle = id(EXPULSIONS[1]!);
    await prisma.event.update({ where: { id: middle }, data: { deletedAt: new Date() } });
    try {
      expect((await getChainAround(id(EXPULSIONS[0]!)))?.total).toBe(1);
      expect(await getChainAround(middle)).toBeNull();
    } finally {
      await prisma.event.update({ where: { id: middle }, data: { deletedAt: null } });
    }
  });

  describe("a long chain with a cycle", () => {
    const created: number[] = [];
    const LENGTH = 250;
    beforeAll(async () => {
      for (let i = 0; i < LENGTH; i++) {
        const day = new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        const event = await prisma.event.create({
          data: { title: `Long chain step ${i}`, datePrecision: "day", dateStart: day, dateEnd: day, type: "diplomatic-expulsion", status: "published" },
          select: { id: true },
        });
        created.push(event.id);
      }
      await prisma.eventRelation.createMany({
        data: [
          ...created.slice(1).map((fromId, i) => ({ fromId, toId: created[i]!, kind: "responds-to" })),
          // Back to the start: a cycle must not make the walk loop.
          { fromId: created[0]!, toId: created[LENGTH - 1]!, kind: "supersedes" },
          // A diamond: two paths to the same step.
          { fromId: created[12]!, toId: created[10]!, kind: "follows-up" },
        ],
      });
    });
    afterAll(async () => {
      await prisma.event.deleteMany({ where: { id: { in: created } } });
    });

    it("is bounded, counts the whole chain and keeps the steps nearest the event", async () => {
      const centre = created[100]!;
      const chain = await getChainAround(centre, 40);
      expect(chain?.steps).toHaveLength(40);
      expect(chain?.total).toBe(LENGTH);
      expect(chain?.countCapped).toBe(false);
      expect(chain?.truncated).toBe(true);
      const positions = chain!.steps.map((s) => created.indexOf(s.id)).sort((a, b) => a - b);
      // Breadth first along a line: about as many steps before the event as after it.
      expect(positions[0]).toBeGreaterThanOrEqual(75);
      expect(positions.at(-1)).toBeLessThanOrEqual(125);
      expect(positions).toContain(100);
      // Relations only between the steps shown.
      const shown = new Set(chain!.steps.map((s) => s.id));
      for (const r of chain!.relations) expect(shown.has(r.fromId) && shown.has(r.toId)).toBe(true);
      expect(chain!.relations.length).toBeGreaterThanOrEqual(39);
      expect(chain?.furthest).toBeDefined();
    });

    it("shows it whole when the limit allows", async () => {
      const chain = await getChainAround(created[0]!, 300);
      expect(chain?.steps).toHaveLength(LENGTH);
      expect(chain?.truncated).toBe(false);
      expect(chain?.relations).toHaveLength(LENGTH + 1);
      expect(CHAIN_COUNT_LIMIT).toBeGreaterThan(LENGTH);
    });
  });
});

describe("the chains of a view", () => {
  const QUERIES = ["", "type=diplomatic-expulsion", "from=2021", "to=2019", "actor=us&actor=ru", "initiator=ru"];

  for (const q of QUERIES) {
    it(`are the linked groups of the view's events for "${q}"`, async () => {
      const filters = await resolved(q);
      const { ids: viewIds } = await timelineEventIds(filters);
      const data = await listViewChains(filters, "longest");
      const view = new Set(viewIds);
      expect(data.total).toBe(viewIds.length);
      expect(data.truncated).toBe(false);
      // The oracle: every relation with both ends in the view, walked by brute force.
      const relations = (await prisma.eventRelation.findMany({ select: { fromId: true, toId: true } })).filter(
        (r) => view.has(r.fromId) && view.has(r.toId),
      );
      const component = new Map<number, number>();
      for (const start of view) {
        if (component.has(start) || !relations.some((r) => r.fromId === start || r.toId === start)) continue;
        const queue = [start];
        component.set(start, start);
        while (queue.length > 0) {
          const at = queue.shift()!;
          for (const r of relations) {
            const other = r.fromId === at ? r.toId : r.toId === at ? r.fromId : null;
            if (other !== null && !component.has(other)) {
              component.set(other, start);
              queue.push(other);
            }
          }
        }
      }
      expect(data.count).toBe(new Set(component.values()).size);
      expect(data.linkedEvents).toBe(component.size);
      const steps = data.chains.reduce((sum, c) => sum + c.steps, 0);
      expect(steps).toBe(component.size);
      for (const c of data.chains) {
        expect(view.has(c.id)).toBe(true);
        expect(c.steps).toBeGreaterThan(1);
        expect(c.first.dateStart <= c.last.dateStart).toBe(true);
      }
      if (q === "") expect(data.count).toBeGreaterThan(2);
    });
  }

  it("cuts a chain to the view and ranks by each sort choice", async () => {
    const all = await listViewChains(await resolved(""), "longest");
    const expulsions = all.chains.find((c) => c.id === id(EXPULSIONS[0]!));
    expect(expulsions?.steps).toBe(3);
    expect(expulsions?.sides.map((s) => s.value).slice(0, 2)).toEqual(["us", "ru"]);
    // Only Russia's steps: the two answers, still linked to each other.
    const russia = await listViewChains(await resolved("initiator=ru"), "longest");
    const answers = russia.chains.find((c) => c.id === id(EXPULSIONS[1]!));
    expect(answers?.steps).toBe(2);
    for (const { value } of CHAIN_ORDERS) {
      const ranked = await listViewChains(await resolved(""), value);
      expect(ranked.chains.map((c) => c.id)).toEqual(rankChains(ranked.chains, value).map((c) => c.id));
    }
    const longest = all.chains.map((c) => c.steps);
    expect(longest).toEqual([...longest].sort((a, b) => b - a));
  });
});

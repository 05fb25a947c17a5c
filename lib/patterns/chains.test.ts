import { describe, expect, it } from "vitest";
import {
  CHAIN_NODE,
  groupChains,
  layoutChain,
  parseChainOrder,
  rankChains,
  summarizeChain,
  type ChainRelation,
  type ChainSide,
  type ChainStep,
} from "./chains";

const US: ChainSide = { name: "United States", value: "us", isoCode: "US" };
const RU: ChainSide = { name: "Russia", value: "ru", isoCode: "RU" };
const EU: ChainSide = { name: "European Union", value: "european-union", isoCode: null };

function step(id: number, dateStart: string, initiator = US, target = RU, datePrecision = "day"): ChainStep {
  return { id, title: `Event ${id}`, datePrecision, dateStart, type: "sanctions-imposed", initiators: [initiator], targets: [target] };
}
const rel = (fromId: number, toId: number, kind = "responds-to"): ChainRelation => ({ fromId, toId, kind });

/** Every pair of node boxes is disjoint. */
function overlapping(layout: ReturnType<typeof layoutChain>): [number, number][] {
  const bad: [number, number][] = [];
  const { width, height } = CHAIN_NODE;
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!;
      const b = layout.nodes[j]!;
      if (a.x < b.x + width && b.x < a.x + width && a.y < b.y + height && b.y < a.y + height) bad.push([a.step.id, b.step.id]);
    }
  }
  return bad;
}

describe("groupChains", () => {
  it("groups connected events, ignores lone events and relations leaving the set", () => {
    expect(groupChains([1, 2, 3, 4, 5, 6], [rel(2, 1), rel(3, 2), rel(5, 4), rel(6, 99)])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("handles cycles, diamonds and self-links without looping", () => {
    const cycle = [rel(2, 1), rel(3, 2), rel(1, 3), rel(1, 1)];
    const diamond = [rel(11, 10), rel(12, 10), rel(13, 11), rel(13, 12, "implements")];
    expect(groupChains([1, 2, 3, 10, 11, 12, 13], [...cycle, ...diamond])).toEqual([
      [1, 2, 3],
      [10, 11, 12, 13],
    ]);
  });

  it("keeps a 5,000-step chain in one group", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i + 1);
    const relations = ids.slice(1).map((id) => rel(id, id - 1));
    const groups = groupChains(ids.reverse(), relations);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(5000);
  });
});

describe("summarizeChain and rankChains", () => {
  const long = [step(1, "2014-03-17"), step(2, "2014-04-01", RU, US), step(3, "2014-07-29", EU, RU)];
  const recent = [step(10, "2022-02-24"), step(11, "2022-03-01", RU, US)];
  const wide = [step(20, "2018-01-01"), step(21, "2018-02-01", RU, US), step(22, "2018-03-01", EU, RU)];

  it("summarizes span, sides, targets, kinds and the picture's points", () => {
    const s = summarizeChain([long[2]!, long[0]!, long[1]!], [rel(2, 1), rel(3, 2, "follows-up"), rel(3, 99)]);
    expect(s.id).toBe(1);
    expect(s.steps).toBe(3);
    expect(s.relations).toBe(2);
    expect(s.first.id).toBe(1);
    expect(s.last.id).toBe(3);
    expect(s.sides.map((x) => x.value)).toEqual(["us", "ru", "european-union"]);
    expect(s.targets.map((x) => x.value)).toEqual(["ru", "us"]);
    expect(s.kinds).toEqual([
      { kind: "follows-up", count: 1 },
      { kind: "responds-to", count: 1 },
    ]);
    expect(s.points[0]).toEqual({ t: 0, lane: 0 });
    expect(s.points[2]).toEqual({ t: 1, lane: 2 });
  });

  it("counts each step's first initiator as its side, like the picture's lanes", () => {
    const putin: ChainSide = { name: "Vladimir Putin", value: "vladimir-putin", isoCode: null };
    const s = summarizeChain([step(1, "2021-01-01"), { ...step(2, "2021-02-01", RU, US), initiators: [RU, putin] }], [rel(2, 1)]);
    expect(s.sides.map((x) => x.value)).toEqual(["us", "ru"]);
    const layout = layoutChain([step(1, "2021-01-01"), { ...step(2, "2021-02-01", RU, US), initiators: [RU, putin] }], [rel(2, 1)]);
    expect(layout.lanes.map((l) => l.label)).toEqual(["United States", "Russia"]);
  });

  it("ranks by length, recency or number of sides", () => {
    const chains = [summarizeChain(recent, [rel(11, 10)]), summarizeChain(long, [rel(2, 1), rel(3, 2)]), summarizeChain(wide.slice(0, 2), [rel(21, 20)])];
    expect(rankChains(chains, "longest").map((c) => c.id)).toEqual([1, 10, 20]);
    expect(rankChains(chains, "recent").map((c) => c.id)).toEqual([10, 20, 1]);
    expect(rankChains(chains, "sides").map((c) => c.id)).toEqual([1, 10, 20]);
  });

  it("parses the sort choice and explains a bad one", () => {
    expect(parseChainOrder(undefined)).toEqual({ order: "longest", problem: null });
    expect(parseChainOrder("sides")).toEqual({ order: "sides", problem: null });
    const bad = parseChainOrder("<script>");
    expect(bad.order).toBe("longest");
    expect(bad.problem).toMatch(/not a way to sort/);
  });
});

describe("layoutChain", () => {
  it("runs time left to right, one lane per first initiator, edges for every relation", () => {
    const steps = [step(3, "2014-07-29", EU, RU), step(1, "2014-03-17"), step(2, "2014-04-01", RU, US), step(4, "2014-08-06", RU, EU)];
    const layout = layoutChain(steps, [rel(2, 1), rel(3, 1, "follows-up"), rel(4, 3)]);
    const x = new Map(layout.nodes.map((n) => [n.step.id, n.x]));
    expect(x.get(1)! < x.get(2)! && x.get(2)! < x.get(3)! && x.get(3)! < x.get(4)!).toBe(true);
    expect(layout.lanes.map((l) => l.label)).toEqual(["United States", "Russia", "European Union"]);
    const lane = new Map(layout.nodes.map((n) => [n.step.id, n.lane]));
    expect([lane.get(1), lane.get(2), lane.get(3), lane.get(4)]).toEqual([0, 1, 2, 1]);
    expect(layout.edges).toHaveLength(3);
    for (const e of layout.edges) expect(e.d).toMatch(/^M/);
    expect(overlapping(layout)).toEqual([]);
  });

  it("gives a longer pause more room than a short one, but bounded", () => {
    const layout = layoutChain([step(1, "2020-01-01"), step(2, "2020-01-02"), step(3, "2025-01-02")], [rel(2, 1), rel(3, 2)]);
    const [a, b, c] = layout.nodes.map((n) => n.x);
    expect(c! - b!).toBeGreaterThan(b! - a!);
    expect(c! - b!).toBeLessThan(2 * (CHAIN_NODE.width + 200));
    expect(layout.ticks.length).toBeGreaterThan(1);
    for (let i = 1; i < layout.ticks.length; i++) expect(layout.ticks[i]!.x - layout.ticks[i - 1]!.x).toBeGreaterThanOrEqual(64);
  });

  it("stacks same-day steps of one side instead of overlapping them", () => {
    const steps = [step(1, "2021-04-15"), step(2, "2021-04-15"), step(3, "2021-04-15"), step(4, "2021-04-16", RU, US)];
    const layout = layoutChain(steps, [rel(2, 1, "implements"), rel(3, 1, "implements"), rel(4, 1)]);
    expect(overlapping(layout)).toEqual([]);
    const sameDay = layout.edges.find((e) => e.fromId === 2);
    expect(sameDay?.d).toMatch(/^M/);
    expect(sameDay?.labelAnchor).toBe("start");
    const crossing = layout.edges.find((e) => e.fromId === 4);
    const from = layout.nodes.find((n) => n.step.id === 4)!;
    expect(crossing?.labelAnchor).toBe("end");
    expect(crossing!.labelX).toBeLessThan(from.x);
  });

  it("lays a 200-step chain with cycles and diamonds out without overlap, wider than tall", () => {
    const sides = [US, RU, EU];
    const steps = Array.from({ length: 200 }, (_, i) => {
      const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(i / 3) * 86_400_000 * 9).toISOString().slice(0, 10);
      return step(i + 1, day, sides[i % 3]!, sides[(i + 1) % 3]!);
    });
    const relations = [
      ...steps.slice(1).map((s) => rel(s.id, s.id - 1)),
      ...steps.slice(2).filter((s) => s.id % 4 === 0).map((s) => rel(s.id, s.id - 2, "follows-up")),
      rel(1, 200, "supersedes"), // a cycle back to the start
    ];
    const layout = layoutChain(steps, relations);
    expect(layout.nodes).toHaveLength(200);
    expect(overlapping(layout)).toEqual([]);
    expect(layout.edges).toHaveLength(relations.length);
    expect(layout.width).toBeGreaterThan(layout.height);
    // Each edge's name sits beside the event it starts from, never on top of another name.
    const spots = layout.edges.map((e) => `${e.labelX}:${e.labelY}:${e.labelAnchor}`);
    expect(new Set(spots).size).toBe(spots.length);
    for (const n of layout.nodes) {
      expect(n.x + CHAIN_NODE.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + CHAIN_NODE.height).toBeLessThanOrEqual(layout.height);
    }
    const xs = [...layout.nodes].sort((a, b) => a.step.dateStart.localeCompare(b.step.dateStart) || a.step.id - b.step.id).map((n) => n.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it("lays out a single step and steps without an initiator", () => {
    const lone = layoutChain([{ ...step(1, "2020", US, RU, "year"), initiators: [] }], []);
    expect(lone.lanes.map((l) => l.label)).toEqual(["No initiator recorded"]);
    expect(lone.ticks).toEqual([]);
  });
});

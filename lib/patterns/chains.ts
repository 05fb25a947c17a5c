import { scaleUtc } from "d3-scale";
import { linkHorizontal, line, curveBasis } from "d3-shape";
import { formatStoredDate } from "@/lib/dates/partial-date";

/**
 * Escalation chains (issue 14): events linked by relations ("responds to", "implements"...),
 * grouped, summarized, ranked and laid out as a picture. Pure: the reads are in
 * chain-queries.ts. Layout: one lane per side (the first initiator), time left to right on
 * a time scale that is stretched where steps crowd, so nodes never overlap
 * (docs/decisions/0010-chain-layout.md).
 */

export type ChainSide = { name: string; value: string; isoCode: string | null };
export type ChainStep = {
  id: number;
  title: string;
  datePrecision: string;
  dateStart: string;
  type: string;
  initiators: ChainSide[];
  targets: ChainSide[];
};
/** A relation as stored: the later event ("from") points at the earlier one ("to"). */
export type ChainRelation = { fromId: number; toId: number; kind: string };

export const byTime = (a: { dateStart: string; id: number }, b: { dateStart: string; id: number }) =>
  a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : a.id - b.id;

/**
 * The chains among a set of events: the connected groups (relations in either direction,
 * only those with both ends in the set) of at least two events. Cycles and diamonds are
 * just connections; each event is in at most one chain. Each chain's ids ascend.
 */
export function groupChains(ids: Iterable<number>, relations: ChainRelation[]): number[][] {
  const parent = new Map<number, number>();
  for (const id of ids) parent.set(id, id);
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps long chains (200 steps and more) linear.
    let node = x;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const linked = new Set<number>();
  for (const r of relations) {
    if (r.fromId === r.toId || !parent.has(r.fromId) || !parent.has(r.toId)) continue;
    linked.add(r.fromId);
    linked.add(r.toId);
    const a = find(r.fromId);
    const b = find(r.toId);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const groups = new Map<number, number[]>();
  for (const id of [...linked].sort((a, b) => a - b)) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

export type ChainSummary = {
  /** The chain's first event (earliest, then lowest id): its address is /chains/:id. */
  id: number;
  steps: number;
  relations: number;
  first: ChainStep;
  last: ChainStep;
  /** The sides: each step's first initiator (its lane in the picture), distinct, in order of first appearance. */
  sides: ChainSide[];
  /** Distinct targets, in order of first appearance. */
  targets: ChainSide[];
  /** Relation kinds and how often each occurs, most frequent first. */
  kinds: { kind: string; count: number }[];
  /** For a small picture: each step's place in the span (0..1) and its lane (index in sides, or -1). */
  points: { t: number; lane: number }[];
};

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

function distinctSides(lists: ChainSide[][]): ChainSide[] {
  const seen = new Map<string, ChainSide>();
  for (const list of lists) for (const side of list) if (!seen.has(side.value)) seen.set(side.value, side);
  return [...seen.values()];
}

export function summarizeChain(steps: ChainStep[], relations: ChainRelation[]): ChainSummary {
  if (steps.length === 0) throw new Error("A chain has at least one step");
  const ordered = [...steps].sort(byTime);
  const ids = new Set(ordered.map((s) => s.id));
  const inside = relations.filter((r) => ids.has(r.fromId) && ids.has(r.toId));
  const first = ordered[0] as ChainStep;
  const last = ordered[ordered.length - 1] as ChainStep;
  const sides = distinctSides(ordered.map((s) => s.initiators.slice(0, 1)));
  const kinds = new Map<string, number>();
  for (const r of inside) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const start = dayNumber(first.dateStart);
  const span = Math.max(dayNumber(last.dateStart) - start, 0);
  return {
    id: first.id,
    steps: ordered.length,
    relations: inside.length,
    first,
    last,
    sides,
    targets: distinctSides(ordered.map((s) => s.targets)),
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    points: ordered.map((s) => ({
      t: span === 0 ? 0.5 : (dayNumber(s.dateStart) - start) / span,
      lane: s.initiators[0] ? sides.findIndex((x) => x.value === s.initiators[0]?.value) : -1,
    })),
  };
}

export const CHAIN_ORDERS = [
  { value: "longest", label: "Longest first" },
  { value: "recent", label: "Most recent first" },
  { value: "sides", label: "Most sides first" },
] as const;
export type ChainOrder = (typeof CHAIN_ORDERS)[number]["value"];

/** The `order` parameter of /chains; anything else is the default, with a message. */
export function parseChainOrder(raw: string | undefined): { order: ChainOrder; problem: string | null } {
  if (raw === undefined || raw === "") return { order: "longest", problem: null };
  const found = CHAIN_ORDERS.find((o) => o.value === raw);
  return found
    ? { order: found.value, problem: null }
    : { order: "longest", problem: `"${raw.slice(0, 40)}" is not a way to sort chains; showing the longest first.` };
}

export function rankChains(chains: ChainSummary[], order: ChainOrder): ChainSummary[] {
  const recent = (a: ChainSummary, b: ChainSummary) => -byTime(a.last, b.last);
  const compare: Record<ChainOrder, (a: ChainSummary, b: ChainSummary) => number> = {
    longest: (a, b) => b.steps - a.steps || recent(a, b) || a.id - b.id,
    recent: (a, b) => recent(a, b) || b.steps - a.steps || a.id - b.id,
    sides: (a, b) => b.sides.length - a.sides.length || b.steps - a.steps || recent(a, b) || a.id - b.id,
  };
  return [...chains].sort(compare[order]);
}

/** The date of a step at its precision ("2021", "Apr 2021", "15 Apr 2021"). */
export function stepDate(step: Pick<ChainStep, "datePrecision" | "dateStart">, style: "short" | "long" = "short"): string {
  return formatStoredDate(step.datePrecision, step.dateStart, style);
}

/** A side as short text on a node: a state by its ISO code, anything else by name. */
export function sideShort(side: ChainSide): string {
  return side.isoCode ? side.isoCode.toUpperCase() : side.name;
}

export const CHAIN_NODE = { width: 184, height: 76 } as const;
const COLUMN_GAP = 120; // room for edge labels between columns
const ROW_GAP = 14;
const LANE_LABEL = 22;
const LANE_PAD = 12;
const AXIS = 30;
const MARGIN = 12;
/** Extra room for time between two columns: a day is worth this much, up to MAX_TIME_GAP. */
const PX_PER_DAY = 0.5;
const MAX_TIME_GAP = 180;

export type LaidNode = { step: ChainStep; x: number; y: number; lane: number };
/** An edge's path and where its name goes: beside the later event it starts from, stacked when several start on one side. */
export type LaidEdge = ChainRelation & { d: string; labelX: number; labelY: number; labelAnchor: "start" | "end" };
export type Lane = { key: string; label: string; y: number; height: number };
export type ChainLayout = {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
  lanes: Lane[];
  ticks: { x: number; label: string }[];
};

/**
 * Lanes (one per first initiator, in order of first appearance) and columns (one per
 * distinct date, in time order). Between columns: a node's width and a gap, plus room in
 * proportion to the time between them (capped), so a quiet year reads as a wider gap
 * than a busy week without the busy week's steps overlapping. Steps of one lane on one
 * date stack in rows. Edges run from the later event to the earlier one it relates to.
 */
export function layoutChain(steps: ChainStep[], relations: ChainRelation[]): ChainLayout {
  const ordered = [...steps].sort(byTime);
  const dates = [...new Set(ordered.map((s) => s.dateStart))];
  const columnX: number[] = [];
  dates.forEach((day, i) => {
    const prev = dates[i - 1];
    const before = columnX[i - 1];
    columnX.push(
      prev === undefined || before === undefined
        ? MARGIN
        : before + CHAIN_NODE.width + COLUMN_GAP + Math.min(MAX_TIME_GAP, PX_PER_DAY * (dayNumber(day) - dayNumber(prev))),
    );
  });
  const column = new Map(dates.map((d, i) => [d, i]));

  const laneKeys: string[] = [];
  const laneLabels: string[] = [];
  const laneOf = (s: ChainStep) => {
    const side = s.initiators[0];
    const key = side ? side.value : "";
    let index = laneKeys.indexOf(key);
    if (index < 0) {
      index = laneKeys.push(key) - 1;
      laneLabels.push(side ? side.name : "No initiator recorded");
    }
    return index;
  };
  const placed = ordered.map((step) => ({ step, lane: laneOf(step), column: column.get(step.dateStart) ?? 0, row: 0 }));
  const rowsInLane = laneKeys.map(() => 1);
  const used = new Map<string, number>();
  for (const p of placed) {
    const key = `${p.lane}:${p.column}`;
    p.row = used.get(key) ?? 0;
    used.set(key, p.row + 1);
    rowsInLane[p.lane] = Math.max(rowsInLane[p.lane] ?? 1, p.row + 1);
  }
  const lanes: Lane[] = [];
  let top = AXIS;
  laneKeys.forEach((key, i) => {
    const height = LANE_LABEL + (rowsInLane[i] ?? 1) * (CHAIN_NODE.height + ROW_GAP) + LANE_PAD;
    lanes.push({ key, label: laneLabels[i] ?? key, y: top, height });
    top += height;
  });
  const nodes: LaidNode[] = placed.map((p) => ({
    step: p.step,
    lane: p.lane,
    x: columnX[p.column] ?? MARGIN,
    y: (lanes[p.lane]?.y ?? AXIS) + LANE_LABEL + p.row * (CHAIN_NODE.height + ROW_GAP),
  }));
  const byId = new Map(nodes.map((n) => [n.step.id, n]));

  const horizontal = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const bulge = line().curve(curveBasis);
  const edges: LaidEdge[] = [];
  const labelsOn = new Map<string, number>();
  const label = (node: LaidNode, side: "left" | "right", y: number) => {
    const key = `${node.step.id}:${side}`;
    const k = labelsOn.get(key) ?? 0;
    labelsOn.set(key, k + 1);
    return side === "left"
      ? { labelX: node.x - 4, labelY: y - 5 - k * 11, labelAnchor: "end" as const }
      : { labelX: node.x + CHAIN_NODE.width + 4, labelY: y - 5 - k * 11, labelAnchor: "start" as const };
  };
  for (const r of [...relations].sort((a, b) => a.fromId - b.fromId || a.toId - b.toId || a.kind.localeCompare(b.kind))) {
    const from = byId.get(r.fromId);
    const to = byId.get(r.toId);
    if (!from || !to || from === to) continue;
    const fy = from.y + CHAIN_NODE.height / 2;
    const ty = to.y + CHAIN_NODE.height / 2;
    if (from.x === to.x) {
      // Same date: around the right-hand side of the column.
      const x = from.x + CHAIN_NODE.width;
      const out = x + Math.min(COLUMN_GAP / 2, 18 + Math.abs(fy - ty) / 8);
      edges.push({ ...r, d: bulge([[x, fy], [out, (fy + ty) / 2], [x, ty]]) ?? "", ...label(from, "right", fy) });
      continue;
    }
    const forward = to.x > from.x; // only when the stored dates disagree with the relation
    const source: [number, number] = [forward ? from.x + CHAIN_NODE.width : from.x, fy];
    const target: [number, number] = [forward ? to.x : to.x + CHAIN_NODE.width, ty];
    edges.push({ ...r, d: horizontal({ source, target }) ?? "", ...label(from, forward ? "right" : "left", fy) });
  }

  const width = (columnX.at(-1) ?? MARGIN) + CHAIN_NODE.width + MARGIN;
  return { width, height: top + MARGIN, nodes, edges, lanes, ticks: timeTicks(dates, columnX) };
}

/**
 * Time marks on the stretched scale: d3's piecewise UTC scale from the columns' dates to
 * their centres, with its own nice ticks and labels, at least 64 px apart.
 */
function timeTicks(dates: string[], columnX: number[]): { x: number; label: string }[] {
  if (dates.length < 2) return [];
  const centres = columnX.map((x) => x + CHAIN_NODE.width / 2);
  const scale = scaleUtc()
    .domain(dates.map((d) => new Date(`${d}T00:00:00Z`)))
    .range(centres);
  const span = (centres.at(-1) ?? 0) - (centres[0] ?? 0);
  const marks = scale.ticks(Math.max(2, Math.min(40, Math.floor(span / 160))));
  const format = (d: Date) =>
    d.toLocaleDateString("en-GB", {
      timeZone: "UTC",
      ...(d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? { year: "numeric" } : d.getUTCDate() === 1 ? { month: "short", year: "numeric" } : { day: "numeric", month: "short" }),
    });
  const ticks: { x: number; label: string }[] = [];
  for (const mark of marks) {
    const x = scale(mark);
    if (ticks.length > 0 && x - (ticks.at(-1)?.x ?? 0) < 64) continue;
    ticks.push({ x, label: format(mark) });
  }
  return ticks;
}

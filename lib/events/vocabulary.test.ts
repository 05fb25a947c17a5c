import { describe, expect, it } from "vitest";
import {
  EVENT_TYPES,
  EVENT_TYPE_SLUGS,
  RELATION_KINDS,
  SANCTION_MEASURES,
  eventTypeInfo,
  isEventType,
  relationKindInfo,
} from "./vocabulary";

describe("event types", () => {
  it("has the types the product promises, each with a unique slug, label and colour", () => {
    expect(EVENT_TYPE_SLUGS).toEqual([
      "sanctions-imposed",
      "sanctions-eased",
      "sanctions-threatened",
      "designation",
      "diplomatic-expulsion",
      "ambassador-recalled",
      "statement",
      "meeting",
      "agreement",
      "arms-transfer",
      "countermeasure",
      "other",
    ]);
    for (const key of ["slug", "label", "color"] as const) {
      expect(new Set(EVENT_TYPES.map((t) => t[key])).size).toBe(EVENT_TYPES.length);
    }
    for (const type of EVENT_TYPES) {
      expect(type.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(type.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(type.description.length).toBeGreaterThan(10);
    }
  });

  it("maps to the CAMEO codes of the event datasets", () => {
    expect(eventTypeInfo("sanctions-imposed").cameo).toContain("163");
    expect(eventTypeInfo("diplomatic-expulsion").cameo).toContain("166");
    expect(eventTypeInfo("sanctions-threatened").cameo).toContain("1312");
    expect(eventTypeInfo("sanctions-eased").cameo).toContain("085");
    expect(eventTypeInfo("meeting").cameo.every((c) => c.startsWith("04"))).toBe(true);
    for (const type of EVENT_TYPES) {
      for (const code of type.cameo) expect(code).toMatch(/^\d{2,4}$/);
    }
  });

  it("recognises known types and falls back to other for display", () => {
    expect(isEventType("designation")).toBe(true);
    expect(isEventType("Designation")).toBe(false);
    expect(isEventType("invasion")).toBe(false);
    expect(eventTypeInfo("invasion").slug).toBe("other");
  });

  it("documents every type in docs/event-types.md", async () => {
    const fs = await import("node:fs");
    const doc = fs.readFileSync(new URL("../../docs/event-types.md", import.meta.url), "utf8");
    for (const type of EVENT_TYPES) {
      expect(doc).toContain(`\`${type.slug}\``);
      expect(doc).toContain(type.label);
    }
  });
});

describe("relations and measures", () => {
  it("has a reading in both directions for every relation kind", () => {
    expect(RELATION_KINDS.map((k) => k.slug)).toEqual(["responds-to", "implements", "follows-up", "eases", "supersedes"]);
    expect(relationKindInfo("responds-to")).toMatchObject({ label: "Responds to", inverseLabel: "Answered by" });
    expect(() => relationKindInfo("likes")).toThrow();
  });

  it("uses the Global Sanctions Data Base categories", () => {
    expect(SANCTION_MEASURES.map((m) => m.slug)).toEqual(["trade", "financial", "arms", "military", "travel", "diplomatic", "other"]);
  });
});

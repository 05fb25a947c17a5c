import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { buildReference, typeText } from "@/lib/api/reference";

describe("buildReference", () => {
  const reference = buildReference(openApiDocument());

  it("lists every operation of the document with its parameters and answers", () => {
    expect(reference.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /api/v1/events",
      "GET /api/v1/events/{id}",
      "GET /api/v1/actors",
      "GET /api/v1/event-types",
      "GET /api/v1/openapi.json",
    ]);
    const list = reference.operations[0]!;
    const limit = list.parameters.find((p) => p.name === "limit")!;
    expect(limit).toMatchObject({ location: "query", required: false });
    expect(limit.type.text).toBe("integer 1–200");
    expect(limit.description).toContain("Default 50.");
    expect(list.responses.map((r) => r.status)).toEqual(["200", "304", "400", "429", "500"]);
    expect(list.responses[0]!.type).toEqual({ text: "EventList", ref: "EventList" });
  });

  it("turns the schemas into property tables", () => {
    const event = reference.schemas.find((s) => s.name === "Event")!;
    expect(event.rows.find((r) => r.name === "initiators")?.type.text).toMatch(/^array of /);
    expect(event.rows.find((r) => r.name === "endDate")?.type.text).toBe("string or null");
    expect(event.rows.every((r) => r.required)).toBe(true);
  });

  it("writes types briefly", () => {
    expect(typeText({ type: "array", items: { $ref: "#/components/schemas/Actor" } })).toEqual({ text: "array of Actor", ref: "Actor" });
    expect(typeText({ enum: ["newest", "oldest"] }).text).toBe("one of: newest, oldest");
    expect(typeText(undefined).text).toBe("any");
  });
});

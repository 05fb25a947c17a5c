import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";
import { FILTER_PARAMS } from "@/lib/timeline/filters";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken document (so the test above can fail).
    expect((await new Validator().validate({ openapi: "3.1.0", info: { title: "x" }, paths: { "/a": { get: { responses: 5 } } } })).valid).toBe(false);
  });

  it("documents every address and every filter parameter of the events list", () => {
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(["/api/v1/actors", "/api/v1/event-types", "/api/v1/events", "/api/v1/events/{id}", "/api/v1/openapi.json"]);
    const params = (doc.paths?.["/api/v1/events"]?.get?.parameters ?? []) as { name: string; in: string }[];
    // cursor is the list's, not a filter: FILTER_PARAMS has none beyond the timeline's.
    expect(params.map((p) => p.name).sort()).toEqual([...FILTER_PARAMS, "limit", "cursor"].sort());
    expect(JSON.stringify(doc)).toContain(EVENT_TYPE_SLUGS[0]);
    for (const name of ["Error", "Event", "EventDetail", "EventList", "Actor", "ActorList", "EventType", "EventTypeList"]) {
      expect(doc.components?.schemas?.[name], name).toBeDefined();
    }
  });
});

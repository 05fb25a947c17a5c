import { describe, expect, it } from "vitest";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { activeFilters, describeRange, describeView, narrowToPeriod, timelineHref, withoutUnknownReferences } from "./links";

const parse = (q: string) => parseTimelineFilters(new URLSearchParams(q)).filters;
const names: Record<string, string> = { "initiator:ru": "Russia", "target:us": "United States", "tag:s-400": "S-400" };
const labelFor = (param: string, value: string) => names[`${param}:${value}`] ?? value;

describe("timeline links and summaries", () => {
  it("states what is shown in one line", () => {
    expect(describeView(parse("initiator=ru&target=us&from=2021-04&to=2021-04"), 23, labelFor)).toBe(
      "23 events · Russia → United States · Apr 2021",
    );
    expect(describeView(parse(""), 1, labelFor)).toBe("1 event");
    expect(describeView(parse("target=us&type=diplomatic-expulsion&tag=s-400&q=embassy&from=2019"), 1200, labelFor)).toBe(
      "1,200 events · anyone → United States · Diplomatic expulsion · tagged S-400 · matching “embassy” · since 2019",
    );
  });

  it("describes date ranges at their precision", () => {
    expect(describeRange(parse("from=2020-12").from, parse("to=2021-01-15").to)).toBe("Dec 2020 – 15 Jan 2021");
    expect(describeRange(null, parse("to=2020").to)).toBe("until 2020");
    expect(describeRange(null, null)).toBe("");
  });

  it("offers a link that removes each active value and keeps the others", () => {
    const filters = parse("initiator=ru&type=meeting&type=statement&sort=oldest");
    const active = activeFilters(filters, labelFor);
    expect(active.map((a) => a.label)).toEqual(["Type: Meeting or summit", "Type: Statement or protest", "Initiator: Russia"]);
    expect(active[0]?.href).toBe("/?type=statement&initiator=ru&sort=oldest");
    expect(active[2]?.href).toBe("/?type=meeting&type=statement&sort=oldest");
  });

  it("narrows to a chart period and drops unknown references from links", () => {
    expect(timelineHref(narrowToPeriod(parse("type=meeting&from=2019"), "2021-04"))).toBe("/?from=2021-04&to=2021-04&type=meeting");
    expect(timelineHref(narrowToPeriod(parse(""), "2019"))).toBe("/?from=2019&to=2019");
    expect(timelineHref(parse(""), { cursor: "2021-04-15_3" })).toBe("/?cursor=2021-04-15_3");
    const cleaned = withoutUnknownReferences(parse("initiator=atlantis&initiator=ru"), [
      { param: "initiator", value: "atlantis", message: "No actor" },
    ]);
    expect(cleaned.initiators).toEqual(["ru"]);
  });
});

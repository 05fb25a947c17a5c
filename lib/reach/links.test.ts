import { describe, expect, it } from "vitest";
import { eventFollowQuery, followHrefs } from "@/lib/reach/links";

describe("follow links", () => {
  it("carry the view's query string", () => {
    expect(followHrefs("initiator=ru&target=us")).toEqual({
      atom: "/feed.atom?initiator=ru&target=us",
      json: "/feed.json?initiator=ru&target=us",
      calendar: "/calendar.ics?initiator=ru&target=us",
    });
    expect(followHrefs("").atom).toBe("/feed.atom");
  });

  it("follow an event's parties both ways, or its type", () => {
    const parties = [
      { isoCode: "RU", slug: "russia" },
      { isoCode: null, slug: "sergey-lavrov" },
      { isoCode: "US", slug: "united-states" },
      { isoCode: "RU", slug: "russia" },
    ];
    expect(eventFollowQuery({ type: "statement", parties })).toBe(
      "initiator=ru&initiator=sergey-lavrov&initiator=us&target=ru&target=sergey-lavrov&target=us",
    );
    expect(eventFollowQuery({ type: "statement", parties: [] })).toBe("type=statement");
  });
});

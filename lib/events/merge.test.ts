import { describe, expect, it } from "vitest";
import { emptyEventFormValues, type EventFormValues } from "@/lib/events/form";
import { mergeEventForm } from "@/lib/events/merge";

function event(partial: Partial<EventFormValues> = {}): EventFormValues {
  return {
    ...emptyEventFormValues(),
    id: 7,
    version: 3,
    title: "US expels ten Russian diplomats",
    summary: "The White House orders ten diplomats to leave.",
    date: "2021-04-15",
    type: "diplomatic-expulsion",
    initiators: [{ id: 1, name: "United States", isoCode: "US" }],
    targets: [{ id: 2, name: "Russia", isoCode: "RU" }],
    tags: ["solarwinds"],
    sources: [{ url: "https://example.org/a", title: "Statement", publisher: "White House", publishedOn: "", archiveUrl: "" }],
    ...partial,
  };
}

describe("three-way merge of the event form", () => {
  it("keeps the other editor's field and takes mine when each changed a different field", () => {
    const base = event();
    const theirs = event({ summary: "Changed by the other editor.", version: 4 });
    const mine = event({ title: "US expels 10 Russian diplomats" });
    const { merged, conflicts, keptFromTheirs } = mergeEventForm(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.title).toBe("US expels 10 Russian diplomats");
    expect(merged.summary).toBe("Changed by the other editor.");
    expect(keptFromTheirs).toEqual(["summary"]);
    // The merge never moves the version: the caller saves over the one it read.
    expect(merged.version).toBe(3);
  });

  it("reports a field both changed differently, with both sides, until a choice resolves it", () => {
    const base = event();
    const theirs = event({ title: "Their title" });
    const mine = event({ title: "My title" });
    const open = mergeEventForm(base, mine, theirs);
    expect(open.conflicts).toEqual([{ field: "title", label: "Title", mine: ["My title"], theirs: ["Their title"] }]);
    expect(open.merged.title).toBe("My title");
    expect(mergeEventForm(base, mine, theirs, { title: "theirs" })).toMatchObject({ conflicts: [], merged: { title: "Their title" } });
    expect(mergeEventForm(base, mine, theirs, { title: "mine" })).toMatchObject({ conflicts: [], merged: { title: "My title" } });
  });

  it("does not call the same change made on both sides a conflict, nor whitespace", () => {
    const base = event();
    const theirs = event({ title: "Same new title" });
    const mine = event({ title: "  Same new   title " });
    expect(mergeEventForm(base, mine, theirs).conflicts).toEqual([]);
  });

  it("treats the date and its precision as one field", () => {
    const base = event();
    const theirs = event({ date: "2021-04", datePrecision: "month" });
    const mine = event({ title: "Other" });
    const { merged, conflicts } = mergeEventForm(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect([merged.date, merged.datePrecision]).toEqual(["2021-04", "month"]);
  });

  it("merges lists item by item: additions and removals from both sides survive", () => {
    const base = event({ tags: ["solarwinds", "election"] });
    const theirs = event({ tags: ["solarwinds", "election", "cyber"], targets: [{ id: 2, name: "Russia", isoCode: "RU" }, { id: 3, name: "Belarus", isoCode: "BY" }] });
    const mine = event({ tags: ["solarwinds", "expulsions"] });
    const { merged, conflicts, keptFromTheirs } = mergeEventForm(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.tags).toEqual(["solarwinds", "cyber", "expulsions"]);
    expect(merged.targets.map((a) => a.id)).toEqual([2, 3]);
    expect(keptFromTheirs).toEqual(expect.arrayContaining(["tags", "targets"]));
  });

  it("merges sources by URL and reports one both edited differently", () => {
    const added = { url: "https://example.org/b", title: "Reply", publisher: "", publishedOn: "", archiveUrl: "" };
    const base = event();
    const theirs = event({ sources: [...event().sources, added] });
    const mine = event({ sources: [{ ...event().sources[0]!, title: "Statement by the press secretary" }] });
    const clean = mergeEventForm(base, mine, theirs);
    expect(clean.conflicts).toEqual([]);
    expect(clean.merged.sources.map((s) => s.title)).toEqual(["Statement by the press secretary", "Reply"]);

    const theirsEdited = event({ sources: [{ ...event().sources[0]!, title: "Their source title" }] });
    const clash = mergeEventForm(base, mine, theirsEdited);
    expect(clash.conflicts.map((c) => c.field)).toEqual(["sources"]);
    expect(clash.conflicts[0]?.theirs[0]).toContain("Their source title");
  });

  it("ignores blank source rows the form always carries", () => {
    const base = event();
    const mine = event({ title: "Mine", sources: [...event().sources, { url: "", title: "", publisher: "", publishedOn: "", archiveUrl: "" }] });
    const theirs = event({ summary: "Theirs" });
    expect(mergeEventForm(base, mine, theirs).conflicts).toEqual([]);
  });

  it("without the base version, every difference is a conflict", () => {
    const theirs = event({ summary: "Theirs" });
    const mine = event({ title: "Mine" });
    expect(mergeEventForm(null, mine, theirs).conflicts.map((c) => c.field)).toEqual(["title", "summary"]);
  });
});

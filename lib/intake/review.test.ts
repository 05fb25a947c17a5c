import { describe, expect, it } from "vitest";
import { changedFields, proposalValues, savedValues } from "@/lib/intake/extraction";
import { acceptOrder, candidateKeys, initialReview, parseReviewIntent, proposalToFormValues, readDraftReview } from "@/lib/intake/review";
import type { Draft } from "@/lib/intake/types";

const article = { published: "2021-04-29", publisher: "Press TV", title: "Ties", url: "https://example.org/a" };

const draft: Draft = {
  date: "2021-03",
  datePrecision: "month",
  dateEnd: null,
  dateSpan: null,
  dateInherited: false,
  type: "sanctions-imposed",
  measures: ["financial"],
  planned: false,
  title: "US sanctions Russian officials",
  summary: "",
  legalBasis: "Executive Order 14024",
  initiators: [{ name: "United States", isoCode: "US", stateCode: "US", kind: "state", actorId: 1, mention: "Washington" }],
  targets: [
    { name: "Russia", isoCode: "RU", stateCode: "RU", kind: "state", actorId: 2, mention: "Russian" },
    { name: "Ivan Testov", isoCode: null, stateCode: "RU", kind: "person", actorId: null, mention: "Testov" },
  ],
  tags: ["Navalny"],
  evidence: "Last month Washington sanctioned Russian officials.",
  cues: [],
  respondsTo: [
    { draftIndex: 1, title: "x", date: "2021-02", score: 1, reason: "cue" },
    { draftIndex: 0, title: "self", date: "2021-02", score: 1, reason: "never offered" },
    { eventId: 7, title: "y", date: "2021-01", score: 0.5, reason: "swapped" },
  ],
  duplicateOf: [],
  notes: [],
};

describe("the review of a draft", () => {
  it("turns a proposal into the event form's values, with the article as the source and only known actors", () => {
    const values = proposalToFormValues(draft, article);
    expect(values).toMatchObject({ date: "2021-03", datePrecision: "month", type: "sanctions-imposed", legalBasis: "Executive Order 14024", status: "draft" });
    expect(values.targets).toEqual([{ id: 2, name: "Russia", isoCode: "RU" }]);
    expect(values.sources).toEqual([{ url: "https://example.org/a", title: "Ties", publisher: "Press TV", publishedOn: "2021-04-29", archiveUrl: "" }]);
    expect(initialReview([draft], article).drafts[0]).toMatchObject({ status: "pending", checked: true, newActors: ["target:1"], respondsTo: [] });
  });

  it("offers candidates as keys, never the draft itself", () => {
    expect(candidateKeys(draft, 0)).toEqual(["draft:1", "event:7"]);
  });

  it("reads only the fields of its own draft, ignores candidates it did not offer, and keeps the article as source", () => {
    const current = initialReview([draft], article).drafts[0];
    if (!current) throw new Error("no draft");
    const form = new FormData();
    form.set("d0.present", "1");
    form.set("d0.title", "Edited");
    form.set("d1.title", "Someone else's");
    form.append("d0.respondsTo", "event:7");
    form.append("d0.respondsTo", "event:99");
    form.append("d0.sourceUrl", "https://evil.example/");
    form.set("d0.checked", "1");
    const read = readDraftReview(form, 0, current, draft, article);
    expect(read.values.title).toBe("Edited");
    expect(read.respondsTo).toEqual(["event:7"]);
    expect(read.newActors).toEqual([]);
    expect(read.values.sources[0]?.url).toBe("https://example.org/a");
    // A draft whose fields were not on the form keeps what the server has.
    expect(readDraftReview(new FormData(), 0, current, draft, article)).toBe(current);
  });

  it("parses the pressed button", () => {
    expect(parseReviewIntent("accept:2", 3)).toEqual({ kind: "accept", index: 2 });
    expect(parseReviewIntent("accept:3", 3)).toBeNull();
    expect(parseReviewIntent("discard:0", 3)).toEqual({ kind: "discard", index: 0 });
    expect(parseReviewIntent("accept-checked", 3)).toEqual({ kind: "accept-checked" });
    expect(parseReviewIntent("drop table", 3)).toBeNull();
  });

  it("accepts a draft after the one it responds to", () => {
    expect(acceptOrder([0, 1, 2], new Map([[0, [2]], [2, [1]]]))).toEqual([1, 2, 0]);
    expect(acceptOrder([0, 1], new Map([[0, [1]], [1, [0]]]))).toEqual([1, 0]);
    expect(acceptOrder([0], new Map([[0, [5]]]))).toEqual([0]);
  });
});

describe("the extraction record", () => {
  const proposed = proposalValues(draft, () => null);
  const base = {
    date: "2021-03",
    datePrecision: "month",
    type: "sanctions-imposed",
    initiators: ["United States"],
    targets: ["Ivan Testov", "Russia"],
    legalBasis: "Executive Order 14024",
    measures: ["financial"],
    title: "US sanctions Russian officials",
    summary: "",
    tags: ["navalny"],
    respondsTo: ["draft:1"],
  };

  it("finds no change when the editor saved the proposal as it was (order and case aside)", () => {
    expect(changedFields(proposed, savedValues(base))).toEqual([]);
  });

  it("names each changed field", () => {
    const saved = savedValues({ ...base, date: "2021-03-15", datePrecision: "day", targets: ["Russia"], respondsTo: [] });
    expect(changedFields(proposed, saved)).toEqual(["date", "datePrecision", "targets", "respondsTo"]);
  });

  it("compares the top candidate, resolved to its event once that draft is accepted", () => {
    expect(proposalValues(draft, () => 42).respondsTo).toEqual(["event:42"]);
    expect(changedFields(proposalValues(draft, () => 42), savedValues({ ...base, respondsTo: ["event:42"] }))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";
import type { EventSnapshot } from "./snapshot";

const before: EventSnapshot = {
  id: 1,
  title: "US expels 10 Russian diplomats",
  summary: "",
  date: "2021-04-15",
  datePrecision: "day",
  dateStart: "2021-04-15",
  dateEnd: "2021-04-15",
  endDate: null,
  type: "diplomatic-expulsion",
  status: "draft",
  legalBasis: null,
  location: null,
  version: 1,
  createdAt: "2026-11-29T10:00:00.000Z",
  updatedAt: "2026-11-29T10:00:00.000Z",
  deletedAt: null,
  measures: [],
  initiators: [{ id: 1, name: "United States", isoCode: "US" }],
  targets: [{ id: 2, name: "Russia", isoCode: "RU" }],
  tags: [],
  sources: [{ url: "https://a.example/", title: "A", publisher: "Wire", publishedOn: "2021-04-15", retrievedAt: null, archiveUrl: null }],
  relations: [],
};

describe("diffSnapshots", () => {
  it("lists only the fields that changed, in words, ignoring versions and timestamps", () => {
    const after: EventSnapshot = {
      ...before,
      version: 2,
      updatedAt: "2026-11-29T11:00:00.000Z",
      title: "US expels ten Russian diplomats",
      date: "2021-04",
      datePrecision: "month",
      status: "published",
      measures: ["diplomatic"],
      targets: [],
      tags: ["tit-for-tat"],
      relations: [{ kind: "responds-to", eventId: 7 }],
    };
    expect(diffSnapshots(before, after, { eventTitles: new Map([[7, "Russia expels"]]) })).toEqual([
      { field: "title", label: "Title", before: ["US expels 10 Russian diplomats"], after: ["US expels ten Russian diplomats"] },
      { field: "date", label: "Date", before: ["15 April 2021"], after: ["April 2021"] },
      { field: "status", label: "Status", before: ["Draft"], after: ["Published"] },
      { field: "targets", label: "Targets", before: ["Russia"], after: [] },
      { field: "measures", label: "Measures", before: [], after: ["Diplomatic"] },
      { field: "tags", label: "Tags", before: [], after: ["tit-for-tat"] },
      { field: "relations", label: "Related events", before: [], after: ["Responds to: Russia expels"] },
    ]);
  });

  it("describes sources and the trash, and treats a first revision as all new", () => {
    const trashed = { ...before, deletedAt: "2026-11-29T12:00:00.000Z", sources: [] };
    expect(diffSnapshots(before, trashed)).toEqual([
      { field: "trash", label: "In the trash", before: ["No"], after: ["Yes"] },
      { field: "sources", label: "Sources", before: ["A · Wire · 15 Apr 2021 · https://a.example/"], after: [] },
    ]);
    const first = diffSnapshots(null, before).map((c) => c.field);
    expect(first).toEqual(["title", "date", "type", "status", "initiators", "targets", "sources"]);
    expect(diffSnapshots(before, { ...before, version: 9 })).toEqual([]);
  });

  it("reads No, not an empty value, when an event leaves the trash", () => {
    const trashed = { ...before, deletedAt: "2026-11-29T12:00:00.000Z" };
    expect(diffSnapshots(trashed, before)).toEqual([{ field: "trash", label: "In the trash", before: ["Yes"], after: ["No"] }]);
  });
});

import { describe, expect, it } from "vitest";
import { attachmentHeader, exportFileName } from "@/lib/export/file-name";
import { parseTimelineFilters } from "@/lib/timeline/filters";

const now = new Date("2026-11-29T23:30:00Z");
const nameFor = (query: string, extension: "csv" | "json" = "csv") =>
  exportFileName(parseTimelineFilters(new URLSearchParams(query)).filters, { extension, now });

describe("export file names", () => {
  it("say the day and the filters", () => {
    expect(nameFor("")).toBe("demarche-events-2026-11-29.csv");
    expect(nameFor("initiator=russia&target=us")).toBe("demarche-events-2026-11-29-russia-us.csv");
    expect(nameFor("type=designation&from=2021-04&to=2021-04&sort=oldest", "json")).toBe("demarche-events-2026-11-29-designation-2021-04.json");
    expect(nameFor("q=Gençoğlu&from=2020")).toBe("demarche-events-2026-11-29-from-2020-gencoglu.csv");
  });

  it("leave out ignored values and stay short", () => {
    const filters = parseTimelineFilters(new URLSearchParams("actor=atlantis&actor=us")).filters;
    const problems = [{ param: "actor", value: "atlantis", message: "" }];
    expect(exportFileName(filters, { extension: "csv", now, problems })).toBe("demarche-events-2026-11-29-us.csv");
    expect(nameFor(`q=${"word ".repeat(40)}`).length).toBeLessThan(120);
  });

  it("download under that name", () => {
    expect(attachmentHeader("demarche-events-2026-11-29-us.csv")).toBe(
      `attachment; filename="demarche-events-2026-11-29-us.csv"; filename*=UTF-8''demarche-events-2026-11-29-us.csv`,
    );
  });
});

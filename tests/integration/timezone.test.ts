import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { copyBase } from "./test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Probe = {
  tz: string;
  offsetMinutes: number;
  events: { title: string; dateStart: string; dateEnd: string; shown: string }[];
  groups: unknown;
  instant: string;
};

async function probe(tz: string): Promise<Probe> {
  const copy = await copyBase(inject("baseDatabase"));
  try {
    const out = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["tests/integration/tz-probe.ts", copy.url], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
    });
    return JSON.parse(out.trim().split("\n").at(-1)!) as Probe;
  } finally {
    await copy.dispose();
  }
}

describe("dates never shift with the process time zone", () => {
  it("stores and shows the same calendar dates in UTC, Los Angeles and Tokyo", async () => {
    const utc = await probe("UTC");
    const la = await probe("America/Los_Angeles");
    const tokyo = await probe("Asia/Tokyo");
    // The child processes really ran in those zones.
    expect([utc.offsetMinutes, la.offsetMinutes, tokyo.offsetMinutes]).toEqual([0, 420, -540]);

    expect(la.events).toEqual(utc.events);
    expect(tokyo.events).toEqual(utc.events);
    expect(la.groups).toEqual(utc.groups);
    expect(tokyo.groups).toEqual(utc.groups);
    expect([utc.instant, la.instant, tokyo.instant]).toEqual(["15 Apr 2021", "15 Apr 2021", "15 Apr 2021"]);

    const byTitle = new Map(utc.events.map((e) => [e.title, e]));
    expect(byTitle.get("US expels 10 Russian diplomats")).toMatchObject({
      dateStart: "2021-04-15",
      dateEnd: "2021-04-15",
      shown: "15 Apr 2021",
    });
    expect(byTitle.get("Russia orders 10 US diplomats to leave")?.shown).toBe("16 Apr 2021");
    expect(byTitle.get('Turkey condemns the US sanctions as a "grave mistake"')).toMatchObject({
      dateStart: "2020-12-01",
      dateEnd: "2020-12-31",
      shown: "Dec 2020",
    });
  }, 60_000);
});

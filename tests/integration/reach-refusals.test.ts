import { beforeAll, describe, expect, it } from "vitest";
import { GET as calendarGET } from "@/app/calendar.ics/route";
import { GET as csvGET } from "@/app/export.csv/route";
import { GET as exportJsonGET } from "@/app/export.json/route";
import { GET as atomGET } from "@/app/feed.atom/route";
import { GET as feedJsonGET } from "@/app/feed.json/route";
import { GET as matrixGET } from "@/app/matrix.csv/route";
import { prisma } from "@/lib/db";
import { loadTimelinePage } from "@/lib/timeline/page-data";
import { loadExamples } from "./example-data";
import { call, REFUSED_QUERIES } from "./reach-helpers";

beforeAll(async () => {
  await loadExamples(prisma);
});

type Handler = (request: Request) => Promise<Response> | Response;

/** Every machine-facing address that takes the timeline's filters. */
const MACHINE_ADDRESSES: [string, Handler][] = [
  ["/export.csv", csvGET],
  ["/export.json", exportJsonGET],
  ["/matrix.csv", matrixGET],
  ["/feed.atom", atomGET],
  ["/feed.json", feedJsonGET],
  ["/calendar.ics", calendarGET],
];

describe("a query string with a value the view cannot apply", () => {
  for (const [path, handler] of MACHINE_ADDRESSES) {
    it.each(REFUSED_QUERIES)(`${path}?%s is refused with a 400 naming %s`, async (query, value) => {
      const response = await call(handler, `${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as { error: { status: number; code: string; message: string; problems: { param: string; value: string; message: string }[] } };
      expect(body.error.status).toBe(400);
      expect(body.error.code).toBe("invalid_filter");
      expect(body.error.message).toContain(value);
      expect(body.error.problems.find((p) => p.value === value)?.message).toContain(`"${value}"`);
    });

    it(`${path} refuses a malformed date and answers a valid query`, async () => {
      expect((await call(handler, `${path}?from=2021-13`)).status).toBe(400);
      const ok = await call(handler, `${path}?initiator=ru&target=us&type=diplomatic-expulsion&tag=s-400`);
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    });
  }

  it("still shows the HTML page, with its notice", async () => {
    const data = await loadTimelinePage("initiator=atlantis&type=diplomatic-expulsion");
    expect(data.problems.map((p) => p.value)).toEqual(["atlantis"]);
    expect(data.view.total).toBeGreaterThan(0);
  });
});

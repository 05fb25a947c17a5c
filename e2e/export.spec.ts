import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";

test.describe("CSV export", () => {
  test("downloads exactly the events of a filtered timeline", async ({ page }) => {
    await page.goto("/?initiator=ru&target=us");
    const titles = await page.getByRole("article").getByRole("heading").allTextContents();
    expect(titles.length).toBeGreaterThan(1);

    const link = page.getByRole("link", { name: `Export CSV (${titles.length} events)` });
    await expect(link).toHaveAttribute("href", "/export.csv?initiator=ru&target=us");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^demarche-events-\d{4}-\d{2}-\d{2}-ru-us\.csv$/);

    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("id,date,date_precision,")).toBe(true);
    expect(text.includes("\r\n")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).toEqual(titles);
    for (const row of rows) {
      expect(row.initiator_codes?.split("; ")).toContain("RU");
      expect(row.target_codes?.split("; ")).toContain("US");
      expect(row.status).toBe("published");
    }
  });

  test("the JSON export and the byte-order-mark option", async ({ request }) => {
    const json = await request.get("/export.json?type=diplomatic-expulsion&sort=oldest");
    expect(json.headers()["content-disposition"]).toMatch(/attachment; filename="demarche-events-\d{4}-\d{2}-\d{2}-diplomatic-expulsion\.json"/);
    const events = (await json.json()) as { title: string; initiators: { name: string }[]; sources: unknown[] }[];
    expect(events.map((e) => e.title)).toEqual([
      "US expels 10 Russian diplomats",
      "Russia orders 10 US diplomats to leave",
      "Czech Republic expels 18 Russian diplomats over the Vrbetice explosions",
      "Russia declares 20 Czech embassy employees persona non grata",
      "Russia formally declares 10 US embassy employees persona non grata",
    ]);
    expect(events[0]?.initiators[0]?.name).toBe("United States");

    const csv = await request.get("/export.csv?bom=1&q=gencoglu");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Serhat Gençoğlu");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  });
});

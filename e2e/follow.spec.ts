import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

test.describe("Follow a view", () => {
  test("the timeline links its view's feeds and calendar, and announces them in <head>", async ({ page, request }) => {
    await page.goto("/?initiator=ru&target=us");
    const titles = await page.getByRole("article").getByRole("heading").allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    for (const [name, href] of [
      ["Atom", "/feed.atom?initiator=ru&target=us"],
      ["JSON Feed", "/feed.json?initiator=ru&target=us"],
      ["Calendar", "/calendar.ics?initiator=ru&target=us"],
    ]) {
      await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", href!);
    }
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/feed.atom?initiator=ru&target=us");
    await expect(page.locator('head link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute("href", "/feed.json?initiator=ru&target=us");

    // The feed holds the page's events.
    const feed = (await (await request.get("/feed.json?initiator=ru&target=us")).json()) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title).sort()).toEqual([...titles].sort());
    expect((await request.get("/feed.atom?initiator=atlantis")).status()).toBe(400);
    await expectNoSeriousA11yViolations(page);
  });

  test("an event page follows the events between its parties", async ({ page }) => {
    await page.goto("/?initiator=ru&target=us&type=diplomatic-expulsion");
    await page.getByRole("article").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const follow = page.getByRole("region", { name: "Follow" });
    const atom = follow.getByRole("link", { name: "Atom", exact: true });
    await expect(atom).toHaveAttribute("href", /^\/feed\.atom\?initiator=ru&.*target=us/);
    await expect(page.locator('head link[rel="alternate"][type="text/calendar"]')).toHaveAttribute("href", /^\/calendar\.ics\?initiator=ru/);
    await expectNoSeriousA11yViolations(page);
  });

  test("the API reference page is rendered from the OpenAPI document", async ({ page, request }) => {
    await page.goto("/api");
    await expect(page.getByRole("heading", { level: 1, name: /Demarche read API/ })).toBeVisible();
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of Object.keys(doc.paths)) await expect(page.getByRole("heading", { level: 3, name: `GET ${path}`, exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Parameters of GET /api/v1/events", exact: true }).getByRole("rowheader", { name: /^cursor/ })).toBeVisible();
    await page.getByRole("link", { name: "EventList", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 3, name: "EventList", exact: true })).toBeInViewport();
    // Nothing from another origin.
    const foreign = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !n.startsWith(location.origin)));
    expect(foreign).toEqual([]);
    await expectNoSeriousA11yViolations(page);

    const events = await request.get("/api/v1/events?initiator=ru&limit=2", { headers: { Origin: "https://elsewhere.example" } });
    expect(events.headers()["access-control-allow-origin"]).toBe("*");
    expect(((await events.json()) as { data: unknown[] }).data).toHaveLength(2);
  });
});

import { withDatabase } from "./admin-helpers";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const FIRST = "US expels 10 Russian diplomats";
const ANSWER = "Russia orders 10 US diplomats to leave";

// The example chains are only read; the long chain is inserted and removed by its own test.
test.describe("escalation chains", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`a chain picture's node opens its event (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/chains");
      await page.getByRole("link", { name: new RegExp(`^${FIRST} →`) }).click();
      await expect(page).toHaveURL(/\/chains\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(FIRST);
      const picture = page.locator(".chain-graph svg");
      await expect(picture.getByRole("link")).toHaveCount(3);
      await expect(picture.getByRole("link", { name: new RegExp(`${FIRST}.*this event`) })).toHaveAttribute("aria-current", "page");
      await picture.getByRole("link", { name: new RegExp(`^16 Apr 2021, Diplomatic expulsion: ${ANSWER}`) }).click();
      await expect(page).toHaveURL(/\/events\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(ANSWER);
      // The event page draws its chain too, with itself highlighted and the same steps as a list.
      const own = page.locator(".chain-graph svg");
      await expect(own.getByRole("link", { name: new RegExp(`${ANSWER}.*this event`) })).toHaveAttribute("aria-current", "page");
      await expect(page.locator("ol.chain > li")).toHaveCount(3);
      await own.getByRole("link", { name: new RegExp(`^15 Apr 2021, Diplomatic expulsion: ${FIRST}`) }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(FIRST);
      await context.close();
    });
  }

  test("the timeline links to the chains of its view, which keep the filters and link back", async ({ page }) => {
    await page.goto("/?type=diplomatic-expulsion");
    await page.getByRole("link", { name: "Escalation chains" }).click();
    await expect(page).toHaveURL(/\/chains\?type=diplomatic-expulsion$/);
    await expect(page.getByRole("status")).toContainText(/\d+ chains? among the \d+ events/);
    await page.getByRole("link", { name: "Most recent first" }).click();
    await expect(page).toHaveURL(/order=recent/);
    await expect(page.getByText("Most recent first", { exact: true })).toHaveAttribute("aria-current", "true");
    await page.getByRole("link", { name: "Back to the timeline" }).click();
    await expect(page).toHaveURL(/\/\?type=diplomatic-expulsion$/);
  });

  test("the chain pages are accessible and fit a phone; the picture scrolls in its own box", async ({ page }) => {
    test.setTimeout(120_000); // axe on three pages, on a shared machine
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/chains");
    const chainHref = await page.getByRole("link", { name: new RegExp(`^${FIRST} →`) }).getAttribute("href");
    const eventHref = await withDatabase(async (db) => `/events/${(await db.event.findFirstOrThrow({ where: { title: FIRST } })).id}`);
    for (const path of ["/chains", chainHref ?? "", eventHref]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    const box = page.locator(".chain-graph");
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
  });

  test("a 200-step chain scrolls sideways without overlapping, and an event page shows its nearest steps", async ({ page }) => {
    test.setTimeout(120_000);
    const ids = await withDatabase(async (db) => {
      const created: number[] = [];
      for (let i = 0; i < 200; i++) {
        const day = new Date(Date.UTC(2031, 0, 1) + Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10);
        const event = await db.event.create({
          data: { title: `E2E long chain step ${i}`, datePrecision: "day", dateStart: day, dateEnd: day, type: "diplomatic-expulsion", status: "published" },
          select: { id: true },
        });
        created.push(event.id);
      }
      await db.eventRelation.createMany({ data: created.slice(1).map((fromId, i) => ({ fromId, toId: created[i]!, kind: "responds-to" })) });
      return created;
    });
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/chains/${ids[0]}`);
      await expect(page.getByText("200", { exact: true })).toBeVisible();
      const nodes = page.locator(".chain-graph svg a rect.chain-node__box");
      await expect(nodes).toHaveCount(200);
      const boxes = await nodes.evaluateAll((rects) =>
        rects.map((r) => {
          const b = (r as SVGGraphicsElement).getBBox();
          return { x: b.x, y: b.y, w: b.width, h: b.height };
        }),
      );
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`${i}/${j}`);
        }
      }
      expect(overlaps, "overlapping steps").toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await expect(page.locator("ol.chain > li")).toHaveCount(200);

      await page.goto(`/events/${ids[100]}`);
      await expect(page.locator(".chain-more")).toContainText("showing 40 of 200 steps");
      await expect(page.locator(".chain-graph svg a")).toHaveCount(40);
      await page.getByRole("link", { name: "See the whole chain" }).click();
      await expect(page).toHaveURL(new RegExp(`/chains/${ids[100]}$`));
      await expect(page.locator(".chain-graph svg a")).toHaveCount(200);
    } finally {
      await withDatabase((db) => db.event.deleteMany({ where: { id: { in: ids } } }));
    }
  });

  test("a chain that does not exist is a clear 404", async ({ page }) => {
    for (const path of ["/chains/999999", "/chains/abc"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Chain not found" })).toBeVisible();
    }
  });
});

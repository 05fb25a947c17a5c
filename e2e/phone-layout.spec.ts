import type { Page } from "@playwright/test";
import { createUser, signIn } from "./admin-helpers";
import { expect, test } from "./fixtures";

// A 390 px phone: no page may scroll sideways as a whole; wide tables scroll in their own box.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** The elements that reach past the screen's right edge, to say what to fix when a page is too wide. */
async function overflowing(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .filter((el) => !el.closest(".table-scroll, .activity-chart__scroll, .matrix-scroll"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").slice(0, 40)}"`)
      .join("; "),
  );
}

test.describe("on a phone", () => {
  test("no admin page is wider than the screen", async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page, createUser("admin"));
    await page.goto("/admin");
    const firstEdit = await page.locator('a[href^="/admin/events/"][href$="/edit"]').first().getAttribute("href");
    expect(firstEdit).toBeTruthy();
    const history = (firstEdit ?? "").replace(/\/edit$/, "/history");
    for (const path of ["/admin", history, firstEdit ?? "", "/admin/events/new", "/admin/actors", "/admin/import", "/admin/users"]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`phone${path.replaceAll("/", "-")}.png`), fullPage: true });
      const width = await pageWidth(page);
      expect.soft(width, `${path} scrolls sideways: ${width > 390 ? await overflowing(page) : ""}`).toBeLessThanOrEqual(390);
    }
  });

  test("the timeline's first screen shows an event, and the chart's bars can be tapped", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.screenshot({ path: testInfo.outputPath("phone-timeline.png") });
    const firstCard = page.getByRole("article").first();
    const box = await firstCard.boundingBox();
    expect(box).not.toBeNull();
    // The top of the first card is on the first screen, with some of it readable.
    expect((box?.y ?? 9999) + 80).toBeLessThanOrEqual(844);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    const bars = page.locator(".chart a, .chart [role='link']");
    if ((await bars.count()) > 0) {
      const bar = await bars.first().boundingBox();
      // WCAG 2.2 target size (minimum): 24 by 24 CSS pixels.
      expect(bar?.width ?? 0).toBeGreaterThanOrEqual(24);
      expect(bar?.height ?? 0).toBeGreaterThanOrEqual(24);
    }
  });
});

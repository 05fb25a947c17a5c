import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

// The matrix and map read the example events; they only read, so they leave nothing behind.
test.describe("patterns", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`a matrix cell links to the timeline of that pair (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/matrix");
      const cell = page.getByRole("link", { name: /^United States → Russia: \d+ events?/ });
      await expect(cell).toBeVisible();
      const count = Number(await cell.textContent());
      expect(count).toBeGreaterThan(0);
      await cell.click();
      await expect(page).toHaveURL(/initiator=us/);
      await expect(page).toHaveURL(/target=ru/);
      await expect(page.getByRole("article")).toHaveCount(count);
      await context.close();
    });

    test(`a map state links to the timeline filtered to it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/map?side=target");
      const state = page.locator("svg").getByRole("link", { name: /^Russia: \d+ events?/ });
      const count = Number((await state.getAttribute("aria-label"))?.match(/: (\d+) event/)?.[1]);
      expect(count).toBeGreaterThan(0);
      // Russia's shape spans the map, so its centre is not on it: follow the link by keyboard.
      await state.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/target=ru/);
      await expect(page.getByRole("article")).toHaveCount(count);
      await context.close();
    });
  }

  test("the matrix and the map are accessible and fit a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/matrix", "/map"]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

test.describe("public timeline", () => {
  test("shows the example events newest first, with dates at their precision", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();

    const turkey = page.getByRole("article", { name: /US sanctions Turkey's defence procurement agency under CAATSA/ });
    await expect(turkey).toBeVisible();
    await expect(turkey.locator("time")).toHaveText("14 Dec 2020");
    await expect(turkey.locator("time")).toHaveAttribute("datetime", "2020-12-14");
    await expect(turkey).toContainText("Sanctions imposed");
    await expect(turkey).toContainText("CAATSA Section 231");
    await expect(turkey).toContainText("Serhat Gençoğlu");

    const usExpels = page.getByRole("article", { name: "US expels 10 Russian diplomats" });
    const russiaExpels = page.getByRole("article", { name: "Russia orders 10 US diplomats to leave" });
    await expect(usExpels.locator("time").first()).toHaveText("15 Apr 2021");
    await expect(russiaExpels.locator("time").first()).toHaveText("16 Apr 2021");
    await expect(russiaExpels).toContainText("Responds to US expels 10 Russian diplomats");

    // Newest first: 16 April above 15 April above 14 December 2020 above 2019.
    const titles = await page.getByRole("article").getByRole("heading").allTextContents();
    const position = (title: string) => titles.findIndex((t) => t.startsWith(title));
    expect(position("Russia orders 10 US diplomats to leave")).toBeGreaterThanOrEqual(0);
    expect(position("Russia orders 10 US diplomats to leave")).toBeLessThan(position("US expels 10 Russian diplomats"));
    expect(position("US expels 10 Russian diplomats")).toBeLessThan(position("US sanctions Turkey's defence procurement"));
    expect(position("US sanctions Turkey's defence procurement")).toBeLessThan(position("US removes Turkey from the F-35"));

    // Grouped by year and month; a year-only date says so.
    await expect(page.getByRole("heading", { level: 2, name: "2021" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "April 2021" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "2019, month not known" })).toBeVisible();
    await expect(page.getByRole("article", { name: /F-35/ }).locator("time")).toHaveText("2019");
    await expect(page.getByRole("article", { name: /grave mistake/ }).locator("time").first()).toHaveText("Dec 2020");

    await expectNoSeriousA11yViolations(page);
  });

  test("an event page shows its whole chain", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Russia orders 10 US diplomats to leave" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Russia orders 10 US diplomats to leave");
    const related = page.getByRole("region", { name: "Related events" });
    await expect(related).toContainText("Responds to: US expels 10 Russian diplomats (15 Apr 2021)");

    const chain = page.getByRole("region", { name: "The whole chain" });
    const steps = chain.getByRole("listitem").filter({ has: page.locator("time") });
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText("15 Apr 2021");
    await expect(steps.nth(0)).toContainText("US expels 10 Russian diplomats");
    await expect(steps.nth(1)).toContainText("16 Apr 2021");
    await expect(steps.nth(1)).toContainText("Russia orders 10 US diplomats to leave");
    await expect(steps.nth(2)).toContainText("21 Apr 2021");
    await expect(steps.nth(2)).toContainText("Russia formally declares 10 US embassy employees persona non grata");
    await expect(steps.nth(2)).toContainText("Follows up: Russia orders 10 US diplomats to leave");

    await expectNoSeriousA11yViolations(page);

    // The chain links lead to the other events (the list's link; the picture's is named with its date).
    await chain.getByRole("link", { name: "US expels 10 Russian diplomats", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("US expels 10 Russian diplomats");
    await expect(page.getByRole("region", { name: "Related events" })).toContainText(
      "Answered by: Russia orders 10 US diplomats to leave (16 Apr 2021)",
    );
  });

  test("an unknown event shows the 404 page", async ({ page }) => {
    for (const path of ["/events/999999", "/events/not-a-number"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to the timeline" })).toBeVisible();
    }
  });

  test("the timeline is readable on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    const card = page.getByRole("article", { name: "US expels 10 Russian diplomats" });
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(375);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
  });
});

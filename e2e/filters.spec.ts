import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const cards = (page: Page) => page.locator("article.event-card");
const titles = (page: Page) => cards(page).getByRole("heading").allTextContents();
const summary = (page: Page) => page.locator(".summary-line");
const facet = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });

test.describe("timeline filters", () => {
  test("each filter narrows the list", async ({ page }) => {
    await page.goto("/");
    const total = await cards(page).count();
    expect(total).toBeGreaterThan(10);
    await expect(summary(page)).toHaveText(`${total} events`);

    const cases: [string, (card: ReturnType<typeof cards>) => Promise<void>][] = [
      ["q=gencoglu", (c) => expect(c.first()).toContainText("Gençoğlu")],
      ["from=2021-04&to=2021-04", (c) => expect(c.first().locator("time").first()).toContainText("Apr 2021")],
      ["type=diplomatic-expulsion", (c) => expect(c.first()).toContainText("Diplomatic expulsion")],
      ["actor=czech-republic", (c) => expect(c.first()).toContainText("Czech Republic")],
      ["initiator=ru", (c) => expect(c.first().locator(".actor-flow .actor-list").first()).toContainText("Russia")],
      ["target=tr", (c) => expect(c.first().locator(".actor-flow .actor-list").last()).toContainText("Turkey")],
      ["tag=s-400", (c) => expect(c.first()).toContainText("S-400")],
      ["basis=CAATSA+Section+231", (c) => expect(c.first()).toContainText("CAATSA Section 231")],
    ];
    for (const [query, check] of cases) {
      await page.goto(`/?${query}`);
      const count = await cards(page).count();
      expect(count, query).toBeGreaterThan(0);
      expect(count, query).toBeLessThan(total);
      await expect(summary(page), query).toHaveText(new RegExp(`^${count} events? · `));
      await expect(page, query).toHaveTitle(new RegExp(`^${count} events? · .* · Demarche$`));
      for (let i = 0; i < count; i++) await check(cards(page).nth(i));
    }

    await page.goto("/?sort=oldest");
    await expect(cards(page).first().locator("time").first()).toHaveText("2019");
  });

  test("the summary, title and facets describe the view", async ({ page }) => {
    // The summary names the actors and the month; facets count under the other filters.
    await page.goto("/?initiator=ru&target=us&from=2021-04&to=2021-04");
    await expect(summary(page)).toHaveText("4 events · Russia → United States · Apr 2021");
    await expect(page).toHaveTitle("4 events · Russia → United States · Apr 2021 · Demarche");
    await expect(facet(page, "Initiator").getByRole("checkbox", { name: /^Russia/ })).toBeChecked();
    // The initiator facet counts who acted against the US that month, under the other filters.
    await expect(facet(page, "Initiator").getByRole("checkbox", { name: /^Russia\W+4 events$/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("the panel updates the view as the user clicks and types; one filter or all can be cleared", async ({ page }) => {
    await page.goto("/");
    await facet(page, "Type").getByRole("checkbox", { name: /^Diplomatic expulsion/ }).check();
    await expect(page).toHaveURL(/\?type=diplomatic-expulsion$/);
    await expect(summary(page)).toHaveText(/ · Diplomatic expulsion$/);
    const expulsions = await cards(page).count();

    await page.getByRole("searchbox", { name: "Search" }).fill("russian");
    await expect(page).toHaveURL(/q=russian/);
    await expect(summary(page)).toContainText("matching “russian”");
    expect(await cards(page).count()).toBeLessThanOrEqual(expulsions);

    await page.getByRole("textbox", { name: "From", exact: true }).fill("2021-04");
    await page.getByRole("textbox", { name: "To", exact: true }).fill("2021-04");
    await page.getByRole("textbox", { name: "To", exact: true }).press("Enter");
    await expect(page).toHaveURL(/from=2021-04&to=2021-04/);
    await expect(summary(page)).toContainText("Apr 2021");

    const active = page.getByRole("list", { name: "Active filters" });
    await active.getByRole("link", { name: /Search: “russian”/ }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
    await active.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(facet(page, "Type").getByRole("checkbox", { name: /^Diplomatic expulsion/ })).not.toBeChecked();
  });

  test("a filtered URL opened in a new page shows the same view, and back/forward restore views", async ({ page, context }) => {
    await page.goto("/");
    const all = await titles(page);
    await facet(page, "Initiator").getByRole("checkbox", { name: /^Russia/ }).check();
    await expect(page).toHaveURL(/initiator=ru/);
    await expect(summary(page)).toContainText("Russia → anyone");
    const byRussia = await titles(page);
    await facet(page, "Target").getByRole("checkbox", { name: /^United States/ }).check();
    await expect(page).toHaveURL(/initiator=ru&target=us/);
    await expect(summary(page)).toContainText("Russia → United States");
    const russiaToUs = await titles(page);
    expect(russiaToUs.length).toBeLessThan(byRussia.length);

    const other = await context.newPage();
    await other.goto(page.url());
    expect(await titles(other)).toEqual(russiaToUs);
    await expect(summary(other)).toHaveText(await summary(page).innerText());
    await expect(facet(other, "Target").getByRole("checkbox", { name: /^United States/ })).toBeChecked();
    await other.close();

    await page.goBack();
    await expect(page).toHaveURL(/\?initiator=ru$/);
    await expect(summary(page)).toContainText("Russia → anyone");
    expect(await titles(page)).toEqual(byRussia);
    await expect(facet(page, "Target").getByRole("checkbox", { name: /^United States/ })).not.toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => titles(page)).toEqual(all);
    await expect(facet(page, "Initiator").getByRole("checkbox", { name: /^Russia/ })).not.toBeChecked();
    await page.goForward();
    await expect(page).toHaveURL(/\?initiator=ru$/);
    await expect.poll(() => titles(page)).toEqual(byRussia);
    await expect(facet(page, "Initiator").getByRole("checkbox", { name: /^Russia/ })).toBeChecked();
  });

  test("a bar of the activity chart narrows the dates to its period", async ({ page }) => {
    await page.goto("/?initiator=ru");
    const chart = page.getByRole("figure", { name: /Events per month/ });
    await expect(chart).toBeVisible();
    const april = chart.getByRole("link", { name: /^April 2021: \d+ events?$/ });
    const label = (await april.getAttribute("aria-label")) ?? "";
    const count = Number(/: (\d+)/.exec(label)?.[1]);
    await april.click();
    await expect(page).toHaveURL(/\?from=2021-04&to=2021-04&initiator=ru$/);
    await expect(summary(page)).toHaveText(`${count} events · Russia → anyone · Apr 2021`);
    await expect(cards(page)).toHaveCount(count);
    // The figures are also available as text.
    await expect(page.getByRole("table", { name: /Events per month/ })).toBeAttached();
  });

  test("bad values get friendly messages and empty results offer to clear the filters", async ({ page }) => {
    const response = await page.goto("/?from=2021-13&type=invasion&initiator=atlantis&cursor=nonsense");
    expect(response?.status()).toBe(200);
    const problems = page.getByRole("list", { name: "Problems with this link" });
    await expect(problems).toContainText('"from" ignored');
    await expect(problems).toContainText('There is no event type "invasion"');
    await expect(problems).toContainText('No actor "atlantis" is known');
    await expect(page.getByText("The page position in this link is not valid")).toBeVisible();

    await page.goto("/?q=zzyzx");
    await expect(summary(page)).toHaveText("0 events · matching “zzyzx”");
    const empty = page.locator(".empty");
    await expect(empty).toContainText("No published event matches");
    await empty.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(await cards(page).count()).toBeGreaterThan(10);
  });

  test("the page works with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/");
      const total = await cards(page).count();
      await facet(page, "Type").getByRole("checkbox", { name: /^Diplomatic expulsion/ }).check();
      await page.getByRole("searchbox", { name: "Search" }).fill("russian");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/type=diplomatic-expulsion/);
      await expect(page).toHaveURL(/q=russian/);
      const count = await cards(page).count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(total);
      await expect(summary(page)).toHaveText(`${count} ${count === 1 ? "event" : "events"} · Diplomatic expulsion · matching “russian”`);

      await page.getByRole("list", { name: "Active filters" }).getByRole("link", { name: "Clear all filters" }).click();
      await expect(cards(page)).toHaveCount(total);
      await page.getByRole("figure", { name: /Events per month/ }).getByRole("link", { name: /^April 2021/ }).click();
      await expect(page).toHaveURL(/from=2021-04&to=2021-04/);
      await page.getByRole("link", { name: "Russia orders 10 US diplomats to leave" }).first().click();
      await expect(page.getByRole("region", { name: "The whole chain" })).toContainText("US expels 10 Russian diplomats");
    } finally {
      await context.close();
    }
  });
  test("folded facet options are sent only when asked, by a link that works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/");
      const initiator = facet(page, "Initiator");
      await expect(initiator.getByRole("checkbox")).toHaveCount(6);
      const more = initiator.getByRole("link", { name: /^\d+ more initiator options$/ });
      const hidden = Number((await more.innerText()).split(" ")[0]);
      expect(hidden).toBeGreaterThan(0);
      expect(await page.content()).not.toContain("<details class=\"facet__more");
      await more.click();
      await expect(page).toHaveURL(/[?&]more=initiator(#|$)/);
      await expect(initiator.getByRole("checkbox")).toHaveCount(6 + hidden);
      // The other facets stay folded, and a checkbox from the unfolded part filters as usual.
      await expect(facet(page, "Target").getByRole("checkbox")).toHaveCount(6);
      await initiator.getByRole("link", { name: "Fewer initiator options" }).click();
      await expect(initiator.getByRole("checkbox")).toHaveCount(6);
    } finally {
      await context.close();
    }
  });

  test("the filter panel is closed on a phone from the first paint and open on a wide screen, with nothing folding later", async ({ browser, request }) => {
    // The server's markup is already closed: no script folds it after hydration (the old layout shift).
    const html = await (await request.get("/")).text();
    expect(html).toMatch(/<details class="filters-disclosure">/);
    for (const [width, open] of [[390, false], [1280, true]] as const) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      try {
        await page.goto("/");
        const search = page.getByRole("searchbox", { name: "Search" });
        await page.waitForLoadState("networkidle");
        if (open) await expect(search).toBeVisible();
        else await expect(search).toBeHidden();
        if (!open) {
          await page.locator(".filters-disclosure > summary").click();
          await expect(search).toBeVisible();
        }
      } finally {
        await context.close();
      }
    }
  });
});

import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { createUser, signIn, withDatabase } from "./admin-helpers";
import type { Page } from "@playwright/test";

/**
 * An article in the style of the news the intake is for (the 2018 expulsions after the
 * Salisbury poisoning), dated by its dateline only: the review screen must read the
 * publication date from it. Three dated events, the last one a tit-for-tat answer.
 */
function article(stamp: number): string {
  return [
    "Moscow, Friday 30 March 2018",
    "",
    "The United States imposed sanctions on 19 Russian individuals and five entities on 15 March over interference in the 2016 election, under CAATSA.",
    "",
    "On 26 March the United States expelled 60 Russian diplomats, saying they were intelligence officers, and ordered the closure of the Russian consulate in Seattle.",
    "",
    "On Thursday, Russia expelled 60 US diplomats in retaliation for the American move and ordered the closure of the US consulate in St Petersburg.",
    "",
    `Reference ${stamp}.`,
  ].join("\n");
}

/** Removes what a test made: the events that cite the article, their history and records, and the intake. */
async function cleanUp(url: string): Promise<void> {
  await withDatabase(async (db) => {
    const events = await db.event.findMany({ where: { sources: { some: { url } } }, select: { id: true } });
    const ids = events.map((e) => e.id);
    await db.extractionRecord.deleteMany({ where: { eventId: { in: ids } } });
    await db.eventRevision.deleteMany({ where: { eventId: { in: ids } } });
    await db.event.deleteMany({ where: { id: { in: ids } } });
    await db.intake.deleteMany({ where: { url } });
  });
}

async function paste(page: Page, stamp: number, url: string) {
  await page.goto("/admin/intake");
  await page.getByLabel("Article (required)").fill(article(stamp));
  await page.getByLabel("Publisher").fill("Example Wire");
  await page.getByLabel("Headline").fill(`Russia expels 60 US diplomats ${stamp}`);
  await page.getByLabel("Web address").fill(url);
  await page.getByRole("button", { name: "Draft events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review drafts" })).toBeVisible();
}

test.describe("intake", () => {
  test("is for signed-in editors only", async ({ page }) => {
    await page.goto("/admin/intake");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto("/admin/intake/accuracy");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  test("refuses empty text and a future date with messages at the fields, and writes nothing", async ({ page }) => {
    await signIn(page, createUser("editor"));
    const before = await withDatabase((db) => db.intake.count());
    await page.goto("/admin/intake");
    await page.getByLabel("Publication date").fill("2999-01-01");
    await page.getByLabel("Publisher").fill("Kept");
    await page.getByRole("button", { name: "Draft events" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was drafted" })).toBeVisible();
    await expect(page.getByLabel("Article (required)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Publication date")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Publisher")).toHaveValue("Kept");
    expect(await withDatabase((db) => db.intake.count())).toBe(before);
  });

  test("a paste over 2 MB gets the size message at the field, and writes nothing", async ({ page }) => {
    await signIn(page, createUser("editor"));
    const before = await withDatabase((db) => db.intake.count());
    await page.goto("/admin/intake");
    await page.getByLabel("Publication date").fill("2021-04-29");
    await page.getByLabel("Article (required)").fill("Russia expelled ten US diplomats on Wednesday. ".repeat(45_000));
    await page.getByRole("button", { name: "Draft events" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was drafted" })).toBeVisible();
    await expect(page.getByLabel("Article (required)")).toHaveAccessibleDescription(/larger than 2 MB/);
    expect(await withDatabase((db) => db.intake.count())).toBe(before);
  });

  test("paste an article, correct one draft, accept three with one responds-to link, and find them with the article as source", async ({ page }) => {
    // Many steps, each a full server round trip: more than the default budget on a busy machine.
    test.slow();
    const stamp = Date.now();
    const url = `https://example.org/intake-${stamp}`;
    try {
      await signIn(page, createUser("editor"));
      await page.goto("/admin/intake");
      await expectNoSeriousA11yViolations(page);
      await paste(page, stamp, url);
      // The publication date came from the dateline.
      await expect(page.getByText("published 30 March 2018")).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      const drafts = page.getByRole("article");
      expect(await drafts.count()).toBeGreaterThanOrEqual(3);
      // Each draft shows its evidence with the words behind its fields marked.
      await expect(drafts.first().locator("blockquote mark").first()).toBeVisible();

      // Correct the first draft's title.
      const first = drafts.nth(0);
      await first.getByText("Edit draft 1").click();
      const corrected = `Corrected title ${stamp}`;
      await first.getByRole("textbox", { name: /^Title/ }).fill(corrected);

      // Confirm one offered "responds to" link among the three to accept.
      let confirmed = false;
      for (let i = 0; i < 3 && !confirmed; i += 1) {
        const group = drafts.nth(i).getByRole("group", { name: /Responds to/ });
        if ((await group.count()) === 0) continue;
        await group.getByRole("checkbox").first().check();
        confirmed = true;
      }
      expect(confirmed, "one of the first three drafts offers a responds-to candidate").toBe(true);

      // Only the first three are accepted; any "possibly already recorded" among them is confirmed as new.
      const total = await drafts.count();
      for (let i = 0; i < total; i += 1) {
        const include = drafts.nth(i).getByRole("checkbox", { name: `Include draft ${i + 1} in “Accept all checked”` });
        if (i < 3) await include.check();
        else await include.uncheck();
        const notDuplicate = drafts.nth(i).getByRole("checkbox", { name: /Not a duplicate/ });
        if (i < 3 && (await notDuplicate.count()) > 0) await notDuplicate.check();
      }
      await page.getByRole("button", { name: "Accept all checked" }).click();
      await expect(page.getByRole("status").filter({ hasText: "accepted" })).toHaveText("3 drafts accepted as draft events.");
      await expect(page.getByText(/^Accepted as/)).toHaveCount(3);

      // Reloading shows the same review: it is kept on the server.
      await page.reload();
      await expect(page.getByText(/^Accepted as/)).toHaveCount(3);

      await page.goto(`/admin?q=${stamp}`);
      const rows = page.getByRole("table").getByRole("row");
      await expect(rows).toHaveCount(4);
      await expect(page.getByRole("link", { name: corrected, exact: true })).toBeVisible();
      await page.getByRole("link", { name: corrected, exact: true }).click();
      await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("URL")).toHaveValue(url);

      const stored = await withDatabase(async (db) => {
        const events = await db.event.findMany({ where: { sources: { some: { url } } }, select: { id: true, status: true } });
        const ids = events.map((e) => e.id);
        return {
          statuses: events.map((e) => e.status),
          links: await db.eventRelation.count({ where: { fromId: { in: ids }, toId: { in: ids }, kind: "responds-to" } }),
          kinds: [...new Set((await db.eventRevision.findMany({ where: { eventId: { in: ids } }, select: { kind: true } })).map((r) => r.kind))],
          records: await db.extractionRecord.count({ where: { eventId: { in: ids } } }),
        };
      });
      expect(stored).toEqual({ statuses: ["draft", "draft", "draft"], links: 1, kinds: ["intake"], records: 3 });

      await page.goto("/admin/intake/accuracy");
      await expect(page.getByRole("row", { name: /^Title/ })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    } finally {
      await cleanUp(url);
    }
  });

  test("works without JavaScript and fits a 390 px screen", async ({ browser }) => {
    test.slow();
    const stamp = Date.now();
    const url = `https://example.org/intake-nojs-${stamp}`;
    const user = createUser("editor");
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await page.getByLabel("Email address").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await paste(page, stamp, url);
      const width = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await width()).toBeLessThanOrEqual(0);

      await page.getByRole("button", { name: "Discard draft 1" }).click();
      await expect(page.getByRole("status").filter({ hasText: "discarded" })).toHaveText("Draft 1 discarded.");
      const second = page.getByRole("article").nth(1);
      const notDuplicate = second.getByRole("checkbox", { name: /Not a duplicate/ });
      if ((await notDuplicate.count()) > 0) await notDuplicate.check();
      await page.getByRole("button", { name: "Accept draft 2" }).click();
      await expect(page.getByRole("status").filter({ hasText: "accepted" })).toHaveText("1 draft accepted as draft event.");
      expect(await width()).toBeLessThanOrEqual(0);
      expect(await withDatabase((db) => db.event.count({ where: { sources: { some: { url } } } }))).toBe(1);
    } finally {
      await context.close();
      await cleanUp(url);
    }
  });
});

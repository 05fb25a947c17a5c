import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { createUser, signIn } from "./admin-helpers";

async function pickActor(page: Page, box: string, text: string, option: string) {
  await page.getByRole("combobox", { name: box }).fill(text);
  // An option's name may end with the actor's country code ("Turkey TR").
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page.getByRole("option", { name: new RegExp(`^${escaped}( [A-Z]{2})?$`) }).click();
}

// Each test is a whole editing flow (sign-in, several saves, sometimes two browsers) on a
// shared two-core machine: well beyond the 30 s default when the machine is busy.
test.describe.configure({ timeout: 150_000 });

test.describe("editing events", () => {
  test("an editor creates an event with sources and a link, edits it, and a stale second save is merged field by field", async ({
    page,
    browser,
  }) => {
    const editor = createUser("editor");
    const title = `Turkey rejects the US warning on Russian arms ${Date.now()}`;
    await signIn(page, editor);
    await page.getByRole("navigation", { name: "Editors" }).getByRole("link", { name: "New event" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New event" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Title (required)").fill(title);
    await page.getByLabel("Summary").fill("Ankara says its S-400 purchase is a sovereign decision.");
    // Typed the same way whatever the browser's language; the field says how it read it.
    await page.getByLabel("Date", { exact: true }).fill("29 Apr 2021");
    await expect(page.getByLabel("Date", { exact: true })).toHaveAccessibleDescription(/Reads as 29 April 2021 \(the exact day\)/);
    await page.getByLabel("Type (required)").selectOption({ label: "Statement or protest" });
    await pickActor(page, "Add an initiator", "Turk", "Turkey");
    // A target that does not exist yet is created on the spot.
    const newActor = `Office of the Test Envoy ${Date.now()}`;
    await page.getByRole("combobox", { name: "Add a target" }).fill(newActor);
    await page.getByRole("option", { name: `Create a new actor “${newActor}”…` }).click();
    await page.getByLabel("Kind").selectOption({ label: "Organisation or entity" });
    await page.getByRole("button", { name: "Create actor" }).click();
    await expect(page.getByRole("list", { name: "Chosen targets" })).toContainText(newActor);
    await pickActor(page, "Add a target", "United", "United States");
    await page.getByRole("combobox", { name: "Add a tag" }).fill("S-400");
    await page.getByRole("option", { name: "S-400", exact: true }).click();
    await page.getByRole("combobox", { name: "Add a tag" }).fill("sovereignty");
    await page.getByRole("combobox", { name: "Add a tag" }).press("Enter");
    await expect(page.getByRole("list", { name: "Chosen tags" })).toContainText("sovereignty");

    const source1 = page.getByRole("group", { name: "Source 1" });
    await source1.getByLabel("URL").fill("https://example.org/news/turkey-s400-reply");
    await source1.getByLabel("Title").fill("Turkey rejects Blinken's warning");
    await source1.getByLabel("Publisher").fill("Example News");
    await source1.getByLabel("Published on").fill("2021-04-29");
    await page.getByRole("button", { name: "Add a source" }).click();
    const source2 = page.getByRole("group", { name: "Source 2" });
    await source2.getByLabel("URL").fill("https://example.com/wire/ankara-s400");
    await source2.getByLabel("Title").fill("Ankara: S-400 decision is final");
    await source2.getByLabel("Publisher").fill("Example Wire");

    await page.getByRole("combobox", { name: "Link to an earlier event" }).fill("Blinken warns");
    await page.getByRole("option", { name: /Blinken warns Turkey and all US allies/ }).click();
    await expect(page.getByLabel(/How this event relates to Blinken warns/)).toHaveValue("responds-to");
    await page.getByLabel("Published (on the public timeline)").check();

    const preview = page.getByRole("complementary", { name: "Preview" });
    await expect(preview).toContainText(title);
    await expect(preview).toContainText("29 Apr 2021");

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/events\/\d+\/edit\?saved=1$/);
    const editUrl = page.url().replace(/\?.*$/, "");

    // On the public timeline, with both sources and the link it responds to.
    await page.goto("/");
    const card = page.getByRole("article", { name: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Turkey");
    await expect(card).toContainText(newActor);
    await expect(card).toContainText("Sources: Example News, Example Wire");
    await expect(card).toContainText("Responds to Blinken warns Turkey and all US allies against buying more Russian weapons");

    // Edit it.
    await page.goto(editUrl);
    await page.getByLabel("Title (required)").fill(`${title} (corrected)`);
    await page.getByRole("button", { name: "Remove source 2" }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.getByRole("link", { name: "Public page" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (corrected)`);
    await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByText("Last updated")).toBeVisible();

    // Two editors open the same version; the second save must not overwrite the first.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    try {
      await signIn(otherPage, createUser("editor"));
      await page.goto(editUrl);
      await otherPage.goto(editUrl);
      await otherPage.getByLabel("Summary").fill("Changed by the other editor.");
      await otherPage.getByRole("button", { name: "Save", exact: true }).click();
      await expect(otherPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

      // Each changed a different field: both changes are kept, nothing to choose.
      await page.getByLabel("Title (required)").fill(`${title} (my version)`);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const merged = page.getByRole("status").filter({ hasText: "Saved." });
      await expect(merged).toContainText("their changes to Summary were kept");
      await expect(page.getByLabel("Title (required)")).toHaveValue(`${title} (my version)`);
      await expect(page.getByLabel("Summary")).toHaveValue("Changed by the other editor.");

      // Both change the title: this editor chooses, field by field, and nothing else is lost.
      await otherPage.goto(editUrl);
      await otherPage.getByLabel("Title (required)").fill(`${title} (their title)`);
      await page.getByLabel("Title (required)").fill(`${title} (my title)`);
      await page.getByLabel("Location").fill("Washington");
      await otherPage.getByRole("button", { name: "Save", exact: true }).click();
      await expect(otherPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const alert = page.locator(".form-message");
      await expect(alert).toContainText("Someone else saved this event while you were editing it");
      await expect(alert).toContainText("You both changed Title");
      const changed = page.getByRole("region", { name: /Changed meanwhile/ });
      const choice = changed.getByRole("group", { name: "Title" });
      await expect(choice).toContainText(`Keep mine: ${title} (my title)`);
      await expect(choice).toContainText(`Keep theirs: ${title} (their title)`);
      await expect(page.getByLabel("Location")).toHaveValue("Washington");
      await choice.getByLabel(/Keep theirs/).check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
      await expect(page.getByLabel("Title (required)")).toHaveValue(`${title} (their title)`);
      await expect(page.getByLabel("Location")).toHaveValue("Washington");
      await expect(page.getByLabel("Summary")).toHaveValue("Changed by the other editor.");
    } finally {
      await other.close();
    }
  });

  test("an invalid form keeps everything typed and shows each error next to its field", async ({ page }) => {
    await signIn(page, createUser("editor"));
    await page.goto("/admin/events/new");
    await page.getByLabel("Title (required)").fill("An event with mistakes");
    await page.getByLabel("Date", { exact: true }).fill("2021-04-15");
    await page.getByLabel("Until (optional)", { exact: true }).fill("2021-04-01");
    await page.getByLabel("Type (required)").selectOption({ label: "Sanctions imposed" });
    await page.getByLabel("Legal basis").fill("Executive Order 14024");
    const source1 = page.getByRole("group", { name: "Source 1" });
    await source1.getByLabel("URL").fill("ftp://example.org/file");
    await source1.getByLabel("Title").fill("A file");
    await page.getByRole("button", { name: "Add a source" }).click();
    await page.getByRole("group", { name: "Source 2" }).getByLabel("URL").fill("https://example.org/same");
    await page.getByRole("button", { name: "Add a source" }).click();
    await page.getByRole("group", { name: "Source 3" }).getByLabel("URL").fill("https://EXAMPLE.org/same/");
    await page.getByRole("button", { name: "Save", exact: true }).click();

    const alert = page.locator(".form-message");
    await expect(alert).toContainText("The event was not saved: 4 fields need attention.");
    await expect(alert.getByRole("link", { name: /Initiators: Add at least one initiator/ })).toBeVisible();

    await expect(page.getByRole("combobox", { name: "Add an initiator" })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("group", { name: "Initiators (required)" })).toContainText("Add at least one initiator.");
    const until = page.getByLabel("Until (optional)", { exact: true });
    await expect(until).toHaveAccessibleDescription(/The end cannot be before the date/);
    await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("URL")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    await expect(page.getByRole("group", { name: "Source 3" }).getByLabel("URL")).toHaveAccessibleDescription(/listed twice/);

    // Nothing typed is lost.
    await expect(page.getByLabel("Title (required)")).toHaveValue("An event with mistakes");
    await expect(page.getByLabel("Date", { exact: true })).toHaveValue("2021-04-15");
    await expect(until).toHaveValue("2021-04-01");
    await expect(page.getByLabel("Type (required)")).toHaveValue("sanctions-imposed");
    await expect(page.getByLabel("Legal basis")).toHaveValue("Executive Order 14024");
    await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("URL")).toHaveValue("ftp://example.org/file");
    await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("Title")).toHaveValue("A file");
    await expect(page.getByRole("group", { name: "Source 3" }).getByLabel("URL")).toHaveValue("https://EXAMPLE.org/same/");
    await expectNoSeriousA11yViolations(page);

    // Fixing the mistakes saves it.
    await pickActor(page, "Add an initiator", "US", "United States");
    await until.fill("");
    await page.getByRole("button", { name: "Remove source 3" }).click();
    await page.getByRole("group", { name: "Source 1" }).getByLabel("URL").fill("https://example.org/file");
    await page.getByRole("button", { name: "Save and add another" }).click();
    await expect(page).toHaveURL(/\/admin\/events\/new\?saved=\d+$/);
    await expect(page.getByLabel("Title (required)")).toHaveValue("");
  });

  test("an admin moves an event to the trash and back, restores an earlier revision, and deletes one for good", async ({ page }) => {
    await signIn(page, createUser("admin"));
    const original = "Lavrov says US-Russia ties are worse than during the Cold War";
    await page.getByLabel("Search").fill("Lavrov says");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("link", { name: original, exact: true }).click();
    await page.waitForURL(/\/admin\/events\/\d+\/edit$/);
    const editUrl = page.url();

    await page.getByLabel("Title (required)").fill("Lavrov: ties worse than in the Cold War");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.getByRole("link", { name: "History" }).click();
    const latest = page.getByRole("region", { name: /Version 2: Edited/ });
    await expect(latest.getByRole("row", { name: /Title/ })).toContainText(original);
    await expect(latest.getByRole("row", { name: /Title/ })).toContainText("Lavrov: ties worse than in the Cold War");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Restore version 1" }).click();
    await expect(page.getByRole("status")).toContainText("back to the chosen revision");
    const reverted = page.getByRole("region", { name: /Version 3: Restored an earlier revision/ });
    await expect(reverted.getByRole("row", { name: /Title/ })).toContainText(original);

    const publicUrl = `/events/${/events\/(\d+)/.exec(editUrl)![1]}`;
    await page.goto(publicUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);

    await page.goto(editUrl);
    await page.getByRole("button", { name: "Move to the trash" }).click();
    await expect(page).toHaveURL("/admin?status=trash&notice=trashed");
    await expect(page.getByRole("link", { name: original, exact: true })).toBeVisible();
    expect((await page.goto(publicUrl))?.status()).toBe(404);

    await page.goto("/admin?status=trash");
    await page.getByRole("button", { name: `Restore ${original}` }).click();
    await expect(page.getByRole("status")).toContainText("restored from the trash");
    await page.goto(publicUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);

    await page.goto(`${editUrl.replace(/\/edit$/, "")}/history`);
    await expect(page.getByRole("region", { name: /Version 4: Moved to the trash/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /Version 5: Restored from the trash/ })).toBeVisible();

    // Deleting for good needs the confirmation; the history stays readable afterwards.
    await page.goto("/admin/events/new");
    const doomed = `Entered by mistake ${Date.now()}`;
    await page.getByLabel("Title (required)").fill(doomed);
    await page.getByLabel("Date", { exact: true }).fill("2021-05-02");
    await page.getByLabel("Type (required)").selectOption({ label: "Other" });
    await pickActor(page, "Add an initiator", "Czech", "Czech Republic");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    const doomedEdit = page.url().replace(/\?.*$/, "");
    await page.getByRole("button", { name: "Move to the trash" }).click();
    // Wait for the action's redirect: navigating away earlier would cancel the request.
    await expect(page).toHaveURL("/admin?status=trash&notice=trashed");
    await page.goto(doomedEdit);
    await page.getByRole("button", { name: "Delete for good" }).click();
    // The checkbox is required: without it nothing happens.
    await expect(page).toHaveURL(doomedEdit);
    await page.getByLabel(/Yes, delete this event for good/).check();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("status").filter({ hasText: "deleted for good" })).toBeVisible();
    await expect(page.getByRole("link", { name: doomed, exact: true })).toHaveCount(0);
    await page.goto(doomedEdit.replace(/\/edit$/, "/history"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of “${doomed}”`);
    await expect(page.getByRole("region", { name: /Version 3: Deleted for good/ })).toBeVisible();
  });
});

import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { callServerAction, createUser, serverActions, signIn, withDatabase } from "./admin-helpers";

// Each test is a whole editing flow (sign-in, several saves, sometimes two browsers) on a
// shared two-core machine: well beyond the 30 s default when the machine is busy.
test.describe.configure({ timeout: 90_000 });

test.describe("managing accounts and actors", () => {
  test("an admin creates an account, changes its role, signs it out everywhere and disables it", async ({ page, browser }) => {
    await signIn(page, createUser("admin"));
    await page.getByRole("navigation", { name: "Editors" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

    const email = `new-editor-${Date.now()}@example.org`;
    const create = page.getByRole("form", { name: "Create an account" });
    await create.getByLabel("Email address").fill(email);
    await create.getByLabel("Initial password").fill("short");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByLabel("Initial password")).toHaveAccessibleDescription(/Use at least 12 characters/);
    await expect(create.getByLabel("Email address")).toHaveValue(email);
    await expectNoSeriousA11yViolations(page);
    await create.getByLabel("Initial password").fill("a long enough password");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("status")).toHaveText(`Created ${email} (editor).`);

    // The new editor signs in elsewhere.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    try {
      await signIn(otherPage, { email, password: "a long enough password", role: "editor" });
      await page.reload();
      const row = page.getByRole("row", { name: new RegExp(email) });
      await expect(row.getByRole("cell").nth(3)).toHaveText(/1/);

      await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption("admin");
      await row.getByRole("button", { name: `Change the role of ${email}` }).click();
      await expect(page.getByRole("status")).toHaveText("The role is changed.");
      await expect(page.getByRole("row", { name: new RegExp(email) }).getByLabel(`Role of ${email}`, { exact: true })).toHaveValue("admin");

      await page.getByRole("button", { name: `Sign ${email} out everywhere` }).click();
      await expect(page.getByRole("status")).toHaveText("The account is signed out everywhere.");
      await otherPage.goto("/admin");
      await expect(otherPage).toHaveURL("/login?next=%2Fadmin");

      await page.getByRole("button", { name: `Disable ${email}` }).click();
      await expect(page.getByRole("status")).toHaveText("The account is disabled and signed out everywhere.");
      await otherPage.getByLabel("Email address").fill(email);
      await otherPage.getByLabel("Password").fill("a long enough password");
      await otherPage.getByRole("button", { name: "Sign in" }).click();
      await expect(otherPage.locator(".form-message")).toHaveText("The email address or password is not correct.");
    } finally {
      await other.close();
    }
  });

  test("an editor renames an actor and merges a duplicate, and both are recorded", async ({ page }) => {
    await signIn(page, createUser("editor"));
    const stamp = Date.now();
    const createActor = serverActions().find((a) => a.name === "createActorAction")!;
    for (const name of [`Testland ${stamp}`, `Republic of Testland ${stamp}`]) {
      await callServerAction(page.request, createActor, { json: [{ name, kind: "state", isoCode: "" }] });
    }
    await page.goto(`/admin/actors?q=${stamp}`);
    await expect(page.getByRole("heading", { level: 2, name: "2 actors" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const rename = page.getByRole("form", { name: `Edit Testland ${stamp}` });
    await rename.getByLabel("Name").fill(`Testland (duplicate) ${stamp}`);
    await rename.getByRole("button", { name: "Save" }).click();
    // The form is named after the actor, so after the rename it carries the new name.
    const renamed = page.getByRole("form", { name: `Edit Testland (duplicate) ${stamp}` });
    await expect(renamed.getByRole("status")).toHaveText(`Saved Testland (duplicate) ${stamp}.`);

    const merge = page.getByRole("form", { name: "Merge duplicate actors" });
    await merge.getByLabel("Duplicate (will be removed)").selectOption({ label: `Testland (duplicate) ${stamp} (0)` });
    await merge.getByLabel("Keep").selectOption({ label: `Republic of Testland ${stamp} (0)` });
    await merge.getByRole("button", { name: "Merge" }).click();
    await expect(merge.getByRole("status")).toHaveText("Merged. 0 events now name the kept actor.");

    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "1 actor" })).toBeVisible();
    const changes = page.getByRole("region", { name: "Recent changes" });
    await expect(changes).toContainText(`Merged “Testland (duplicate) ${stamp}” into “Republic of Testland ${stamp}”`);
    await expect(changes).toContainText(`Renamed “Testland ${stamp}” to “Testland (duplicate) ${stamp}”`);
    const merges = await withDatabase((db) => db.auditLog.count({ where: { action: "actor.merge", details: { contains: String(stamp) } } }));
    expect(merges).toBe(1);
  });
});

import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { callServerAction, createUser, serverActions, signIn, withDatabase } from "./admin-helpers";

test.describe.configure({ timeout: 90_000 });

test("an editor adds and removes an actor's alias, and a conflicting alias is refused", async ({ page }) => {
  await signIn(page, createUser("editor"));
  const stamp = Date.now();
  const name = `Aliasland ${stamp}`;
  const createActor = serverActions().find((a) => a.name === "createActorAction");
  if (!createActor) throw new Error("createActorAction is not in the build");
  await callServerAction(page.request, createActor, { json: [{ name, kind: "organisation", isoCode: "" }] });

  try {
    await page.goto(`/admin/actors?q=${stamp}`);
    await expect(page.getByRole("heading", { level: 2, name: "1 actor" })).toBeVisible();
    await page.locator("summary", { hasText: "Aliases (0)" }).click();
    const add = page.getByRole("form", { name: `Add an alias to ${name}` });
    await add.getByLabel("New alias").fill(`The A.L. ${stamp}`);
    await add.getByLabel("Alias kind").selectOption({ label: "Metonym" });
    await add.getByRole("button", { name: "Add alias" }).click();
    await expect(add.getByRole("status")).toHaveText(`Added the alias “The A.L. ${stamp}”.`);
    const list = page.getByRole("list", { name: `Aliases of ${name}` });
    await expect(list).toContainText(`The A.L. ${stamp}`);
    await expect(list).toContainText("Metonym");
    await expectNoSeriousA11yViolations(page);
    // On a phone the open list and form fit the width (no sideways scrolling).
    await page.setViewportSize({ width: 390, height: 1400 });
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/aliases-390.png`, fullPage: false });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > 391)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
        .slice(0, 12),
    );
    expect(wide).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/aliases-1280.png` });

    // The same alias written another way, and one that already names Russia: refused, the text kept.
    await add.getByLabel("New alias").fill(`al ${stamp}`);
    await add.getByRole("button", { name: "Add alias" }).click();
    await expect(add.getByRole("alert")).toHaveText(`${name} already has the alias “The A.L. ${stamp}”.`);
    await add.getByLabel("New alias").fill("the Kremlin");
    await add.getByRole("button", { name: "Add alias" }).click();
    await expect(add.getByRole("alert")).toHaveText("“the Kremlin” already names Russia; remove it there first.");
    await expect(add.getByLabel("New alias")).toHaveValue("the Kremlin");
    await expect(add.getByLabel("New alias")).toHaveAccessibleDescription(/already names Russia/);
    await expectNoSeriousA11yViolations(page);

    // The picker finds the actor by its new alias.
    const found = await page.request.get(`/admin/api/actors?q=${encodeURIComponent(`A.L. ${stamp}`)}`);
    expect(((await found.json()) as { name: string }[]).map((a) => a.name)).toEqual([name]);

    await list.getByRole("button", { name: `Remove alias The A.L. ${stamp}` }).click();
    const removal = page.getByRole("form", { name: `Remove aliases of ${name}` });
    await expect(removal.getByRole("status")).toHaveText(`Removed the alias “The A.L. ${stamp}”.`);
    await expect(removal).toContainText("No aliases yet.");
    await page.reload();
    await expect(page.locator("summary", { hasText: "Aliases (0)" })).toBeVisible();
    const changes = page.getByRole("region", { name: "Recent changes" });
    await expect(changes).toContainText(`Added the alias “The A.L. ${stamp}” to “${name}”`);
    await expect(changes).toContainText(`Removed the alias “The A.L. ${stamp}” from “${name}”`);
    expect(await withDatabase((db) => db.actorAlias.count({ where: { actor: { name } } }))).toBe(0);
  } finally {
    await withDatabase((db) => db.actor.deleteMany({ where: { name } }));
  }
});

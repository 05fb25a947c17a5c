import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { createUser, signIn, withDatabase } from "./admin-helpers";

test.describe.configure({ timeout: 120_000 });

async function pickActor(page: Page, box: string, text: string, option: string) {
  await page.getByRole("combobox", { name: box }).fill(text);
  await page.getByRole("option", { name: new RegExp(`^${option}( [A-Z]{2})?$`) }).click();
}

// Issue 11, item 9: a create that is sent again (a network retry, a resubmitted form) makes one event.
test("a new event's form sent twice makes one event", async ({ page }) => {
  const editor = createUser("editor");
  const title = `Retried create ${Date.now()}`;
  await signIn(page, editor);
  await page.goto("/admin/events/new");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Title (required)").fill(title);
  await page.getByLabel("Date", { exact: true }).fill("2022-04");
  await page.getByLabel("Type (required)").selectOption({ label: "Statement or protest" });
  await pickActor(page, "Add an initiator", "Turk", "Turkey");

  // Keep the server action's request as the browser sent it, to send it again afterwards.
  let sent: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/admin/events/new", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && sent === null) sent = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.continue();
  });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/events\/\d+\/edit\?saved=1$/);
  const id = Number(/\/admin\/events\/(\d+)\/edit/.exec(page.url())?.[1]);
  expect(sent).not.toBeNull();

  const replay = sent!;
  const response = await page.request.post(replay.url, { headers: replay.headers, data: replay.body, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  // The action ran again and answered with the event the first submission made.
  expect(response.headers()["x-action-redirect"] ?? "").toContain(`/admin/events/${id}/edit`);
  const events = await withDatabase((db) => db.event.findMany({ where: { title }, select: { id: true } }));
  expect(events).toEqual([{ id }]);

  await withDatabase(async (db) => {
    await db.eventSubmission.deleteMany({ where: { eventId: id } });
    await db.eventRevision.deleteMany({ where: { eventId: id } });
    await db.event.delete({ where: { id } });
  });
});

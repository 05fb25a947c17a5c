import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createUser, signIn } from "./admin-helpers";
import { e2eDatabaseUrl } from "./database";
import { expect, test } from "./fixtures";

/**
 * Two app instances on one database behave as one (issue 6): sessions, sign-in limits and
 * the timeline's caches live in the database, not in a process. The suite's server is
 * instance A; this file starts a second production server, B, on the next port and the
 * same DATABASE_URL, as a load balancer's second backend would be. (The browser sends the
 * same cookies to both: cookies do not depend on the port.)
 */
const ROOT = path.resolve(import.meta.dirname, "..");

test.describe.configure({ mode: "serial", timeout: 120_000 });

let instanceB: ChildProcess | undefined;
let b = "";

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(90_000);
  const port = Number(new URL(baseURL ?? "http://127.0.0.1:3100").port) + 1;
  b = `http://127.0.0.1:${port}`;
  instanceB = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${b}/login`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || instanceB.exitCode !== null) throw new Error(`Instance B did not start on ${b}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(() => {
  // The whole process group: the server may have children of its own.
  if (instanceB?.pid) process.kill(-instanceB.pid, "SIGTERM");
});

async function createPublishedEvent(page: Page, title: string): Promise<string> {
  await page.goto(`${b}/admin/events/new`);
  await page.getByLabel("Title (required)").fill(title);
  await page.getByLabel("Date", { exact: true }).fill("2021-05-03");
  await page.getByLabel("Type (required)").selectOption({ label: "Other" });
  await page.getByRole("combobox", { name: "Add an initiator" }).fill("Czech");
  await page.getByRole("option", { name: /^Czech Republic( [A-Z]{2})?$/ }).click();
  await page.getByLabel("Published (on the public timeline)").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  return page.url().replace(/\?.*$/, "").replace(`${b}`, "");
}

test("signed in on one instance, an editor works on the other, and each sees the other's writes", async ({ page, browser }) => {
  await signIn(page, createUser("editor"));

  // B never saw the sign-in: it accepts the session because sessions live in the database.
  await page.goto(`${b}/admin`);
  await expect(page.getByRole("navigation", { name: "Editors" })).toBeVisible();
  const word = `Bilateral${Date.now()}`;
  const title = `Czech Republic answers through instance B ${word}`;
  const editPath = await createPublishedEvent(page, title);

  // A's timeline (and its facet index) notices B's write.
  await page.goto(`/?q=${word}`);
  await expect(page.getByRole("article", { name: title })).toBeVisible();
  await expect(page).toHaveTitle(/^1 event · /);

  // A trashes it; B's timeline no longer shows it.
  await page.goto(editPath);
  await page.getByRole("button", { name: "Move to the trash" }).click();
  await expect(page).toHaveURL("/admin?status=trash&notice=trashed");
  await page.goto(`${b}/?q=${word}`);
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);
  await expect(page.getByText(/No published event matches/)).toBeVisible();

  // Signing out on A ends the session on B too, even for a browser that still holds the cookie.
  const other = await browser.newContext();
  try {
    await other.addCookies(await page.context().cookies());
    const otherPage = await other.newPage();
    await otherPage.goto(`${b}/admin`);
    await expect(otherPage.getByRole("navigation", { name: "Editors" })).toBeVisible();
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signed-out=1$/);
    await otherPage.goto(`${b}/admin`);
    await expect(otherPage).toHaveURL(/\/login/);
  } finally {
    await other.close();
  }
});

test("failed sign-ins on both instances count towards one limit", async ({ page }) => {
  const editor = createUser("editor");
  const fail = async (origin: string) => {
    await page.goto(`${origin}/login`);
    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email address or password is not correct.")).toBeVisible();
  };
  // Five failures per account within the window (LOGIN_LIMITS), split across the instances.
  for (const origin of ["", b, "", b, ""]) await fail(origin);

  // Now even the right password is refused, on either instance.
  for (const origin of [b, ""]) {
    await page.goto(`${origin}/login`);
    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Too many failed sign-in attempts/)).toBeVisible();
  }
});

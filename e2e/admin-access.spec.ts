import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "./database";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { callServerAction, createUser, databaseFingerprint, serverActions, signIn, withDatabase } from "./admin-helpers";

const ROOT = path.resolve(import.meta.dirname, "..");

const ADMIN_PAGES = [
  "/admin",
  "/admin/events/new",
  "/admin/events/1/edit",
  "/admin/events/1/history",
  "/admin/actors",
  "/admin/users",
  "/admin/import",
  "/admin/intake",
  "/admin/intake/accuracy",
  "/admin/forbidden",
];

const INITIAL_EVENT_FORM = {
  message: null,
  errors: {},
  values: {},
  conflict: null,
  attempt: 0,
};
const INITIAL_SMALL_FORM = { ok: false, message: null, errors: {}, values: {} };

async function eventId(title: string): Promise<number> {
  return withDatabase(async (db) => (await db.event.findFirstOrThrow({ where: { title }, select: { id: true } })).id);
}

/** A call to each admin action with arguments that would change something if it were allowed. */
async function actionCalls(target: { userId: number }) {
  const reykjavikId = await eventId("Blinken and Lavrov meet in Reykjavik");
  const reykjavik = String(reykjavikId);
  const revision = await withDatabase((db) => db.eventRevision.findFirst({ where: { eventId: reykjavikId }, select: { id: true } }));
  const form = (fields: Record<string, string>) => ({ form: fields });
  return {
    saveEventAction: {
      previousState: INITIAL_EVENT_FORM,
      form: { title: "Written by nobody", date: "2021-05-01", datePrecision: "day", type: "statement", initiatorIds: "1", status: "published" },
    },
    createActorAction: { json: [{ name: "Actor by nobody", kind: "state", isoCode: "" }] },
    trashEventAction: form({ id: reykjavik }),
    restoreEventAction: form({ id: reykjavik }),
    purgeEventAction: form({ id: reykjavik, confirm: "yes" }),
    revertEventAction: form({ id: reykjavik, revisionId: String(revision?.id ?? 1) }),
    updateActorAction: { previousState: INITIAL_SMALL_FORM, form: { id: "1", name: "Renamed by nobody", kind: "state", isoCode: "US" } },
    mergeActorsAction: { previousState: INITIAL_SMALL_FORM, form: { fromId: "2", intoId: "1" } },
    createUserAction: {
      previousState: INITIAL_SMALL_FORM,
      form: { email: "intruder@example.org", role: "admin", password: "intruder-password-123" },
    },
    setUserRoleAction: form({ userId: String(target.userId), role: "admin" }),
    setUserDisabledAction: form({ userId: String(target.userId), disabled: "true" }),
    revokeSessionsAction: form({ userId: String(target.userId) }),
    importAction: { previousState: { stage: "start" }, form: { intent: "apply", upload: "0".repeat(64), fileName: "x.csv" } },
    addActorAliasAction: { previousState: INITIAL_SMALL_FORM, form: { actorId: "1", alias: "Alias by nobody", kind: "other" } },
    removeActorAliasAction: { previousState: INITIAL_SMALL_FORM, form: { actorId: "1", aliasId: "1" } },
    createIntakeAction: {
      previousState: { message: null, errors: {}, values: {} },
      form: { text: "On Wednesday, Russia expelled ten US diplomats.", published: "2021-04-29", publisher: "", title: "", url: "" },
    },
    reviewIntakeAction: form({ intakeId: "0".repeat(24), intent: "accept-all" }),
  } as const;
}

// loadMoreEvents serves the public timeline's "Load more" (published events only).
const PUBLIC_ACTIONS = new Set(["signInAction", "signOutAction", "loadMoreEvents"]);

// Each test is a whole editing flow (sign-in, several saves, sometimes two browsers) on a
// shared two-core machine: well beyond the 30 s default when the machine is busy.
test.describe.configure({ timeout: 90_000 });

test.describe("access to the editors' screens", () => {
  test("anonymous and signed-out users cannot reach any admin page or call any admin action", async ({ page, request }) => {
    const editor = createUser("editor");
    const target = await withDatabase((db) => db.user.findUniqueOrThrow({ where: { email: editor.email }, select: { id: true } }));

    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      // The "not allowed" page sends people back to the events list, not to itself.
      const next = path === "/admin/forbidden" ? "/admin" : path;
      await expect(page).toHaveURL(`/login?next=${encodeURIComponent(next)}`);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    }
    for (const path of ["/admin/api/actors?q=us", "/admin/api/events?q=2021", "/admin/api/tags?q=s", "/admin/backup.json"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers().location, path).toMatch(/^\/login/);
    }

    // Every admin action of the build is called directly, without a session.
    const calls = await actionCalls({ userId: target.id });
    const actions = serverActions().filter((a) => !PUBLIC_ACTIONS.has(a.name));
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(calls).sort());
    const before = await databaseFingerprint();
    for (const action of actions) {
      const response = await callServerAction(request, action, calls[action.name as keyof typeof calls]);
      // A refused action answers with a redirect to the sign-in page (Next sends it as a header).
      expect(response.headers()["x-action-redirect"], action.name).toMatch(/^\/login/);
    }
    expect(await databaseFingerprint()).toEqual(before);

    // The same way of calling works for a signed-in editor: the refusals above were the guards.
    await signIn(page, editor);
    const byName = new Map(serverActions().map((a) => [a.name, a]));
    const name = `Control actor ${Date.now()}`;
    await callServerAction(page.request, byName.get("createActorAction")!, { json: [{ name, kind: "organisation", isoCode: "" }] });
    expect(await withDatabase((db) => db.actor.count({ where: { name } }))).toBe(1);
    // A form-encoded call carries its fields too (the refusals above were not of empty forms).
    const control = await withDatabase((db) => db.actor.findFirstOrThrow({ where: { name }, select: { id: true } }));
    await callServerAction(page.request, byName.get("updateActorAction")!, {
      previousState: INITIAL_SMALL_FORM,
      form: { id: String(control.id), name: `${name} renamed`, kind: "organisation", isoCode: "" },
    });
    expect(await withDatabase((db) => db.actor.findUniqueOrThrow({ where: { id: control.id }, select: { name: true } }))).toEqual({ name: `${name} renamed` });
    // …but an editor is not an admin.
    const refused = await callServerAction(page.request, byName.get("createUserAction")!, calls.createUserAction);
    expect(refused.headers()["x-action-redirect"]).toMatch(/^\/admin\/forbidden/);
    expect(await withDatabase((db) => db.user.count({ where: { email: "intruder@example.org" } }))).toBe(0);

    // After signing out, the old session cookie opens nothing.
    const cookie = (await page.context().cookies()).find((c) => c.name === "demarche_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    await page.goto("/admin/actors");
    await expect(page).toHaveURL("/login?next=%2Fadmin%2Factors");
    const stolen = { Cookie: `demarche_session=${cookie!.value}` };
    const afterSignOut = await databaseFingerprint();
    await callServerAction(request, byName.get("createActorAction")!, { json: [{ name: "Actor after sign-out", kind: "state", isoCode: "" }] }, stolen);
    await callServerAction(request, byName.get("trashEventAction")!, calls.trashEventAction, stolen);
    expect(await databaseFingerprint()).toEqual(afterSignOut);
    const replay = await request.get("/admin", { headers: stolen, maxRedirects: 0 });
    expect(replay.status()).toBe(307);
  });

  test("sign-in: generic errors, same-site next only, and editors cannot manage users", async ({ page }) => {
    const editor = createUser("editor");
    await page.goto("/login?next=https%3A%2F%2Fevil.example%2F");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-message")).toHaveText("The email address or password is not correct.");
    await expect(page.getByLabel("Email address")).toHaveValue(editor.email);
    await expect(page.getByLabel("Password")).toHaveValue("");

    // An unknown account gets exactly the same answer.
    await page.getByLabel("Email address").fill("nobody-here@example.org");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email address")).toHaveValue("nobody-here@example.org");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator(".form-message")).toHaveText("The email address or password is not correct.");

    // The off-site next is ignored: the editor lands on /admin.
    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();

    await expect(page.getByRole("navigation", { name: "Editors" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page).toHaveURL("/admin/forbidden");
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();

    // A same-site next is followed.
    await page.context().clearCookies();
    await signIn(page, editor, "/admin/actors");
    await expect(page).toHaveURL("/admin/actors");
  });

  test("a made-up X-Forwarded-For does not escape the sign-in delay; an admin's unlock lifts it", async ({ browser }) => {
    const editor = createUser("editor");
    // Each try from a fresh browser claiming another address: the server counts the socket's.
    const tryPassword = async (password: string, claimed: string) => {
      const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": claimed } });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email address").fill(editor.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const message = await page.locator(".form-message").or(page.getByRole("navigation", { name: "Editors" })).first().textContent();
      await context.close();
      return message ?? "";
    };
    for (let i = 0; i < 5; i++) expect(await tryPassword("not-the-password", `203.0.113.${i}`)).toBe("The email address or password is not correct.");
    expect(await tryPassword(editor.password, "198.51.100.99")).toMatch(/^Too many failed sign-in attempts\. Wait (\d+ seconds|1 minute) and try again\.$/);

    execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/user.ts", "unlock", "--email", editor.email], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
      stdio: "pipe",
    });
    expect(await tryPassword(editor.password, "198.51.100.99")).toContain(editor.email);
  });
});

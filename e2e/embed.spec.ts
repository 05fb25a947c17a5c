import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { createUser, signIn } from "./admin-helpers";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

// Pages of another origin that frame Demarche: a tiny server on another port of this machine
// (not page.route on a made-up host, which Chromium treats as a public site that may not
// reach loopback addresses).
let host: { origin: string; pages: Map<string, string>; server: http.Server };

test.beforeAll(async () => {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const body = pages.get(request.url ?? "");
    response.writeHead(body === undefined ? 404 : 200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  host = { origin: `http://127.0.0.1:${port}`, pages, server };
});

test.afterAll(async () => {
  await new Promise((resolve) => host.server.close(resolve));
});

let pageCount = 0;

/** Serves `body` as a new page of the other origin and opens it. */
async function serveHostPage(page: Page, body: string): Promise<void> {
  const path = `/article-${++pageCount}`;
  host.pages.set(path, `<!DOCTYPE html><html lang="en"><head><title>Host</title></head><body><h1>A newsroom article</h1>${body}</body></html>`);
  await page.goto(`${host.origin}${path}`);
}

/** The titles the timeline page shows for a query string, in its order (first `limit`). */
async function timelineTitles(page: Page, query: string, limit = 20): Promise<string[]> {
  await page.goto(`/?${query}`);
  const titles = await page.locator(".event-card__title").allTextContents();
  return titles.slice(0, limit).map((t) => t.trim());
}

const QUERY = "initiator=ru&target=us";

test.describe("embeds", () => {
  const variants = [
    { name: 'sandbox="allow-scripts" (as WordPress frames unknown providers)', sandbox: "allow-scripts", javaScriptEnabled: true },
    { name: 'sandbox="" and JavaScript off (no script can run inside the frame)', sandbox: "", javaScriptEnabled: false },
  ];
  for (const variant of variants) {
    test(`a page on another origin embeds a view in a frame with ${variant.name}`, async ({ browser, baseURL }) => {
      // Its own context (JavaScript may be off); console errors are checked here, except the
      // browser's note that a sandbox without allow-scripts blocked the embed's height script.
      const context = await browser.newContext({ javaScriptEnabled: variant.javaScriptEnabled });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        // As in fixtures.ts: a missing favicon logs a failed request.
        if (/Blocked script execution .* sandboxed|status of 404 \(Not Found\)/.test(m.text())) return;
        errors.push(m.text());
      });
      const expected = await timelineTitles(page, QUERY);
      expect(expected.length).toBeGreaterThan(0);
      await serveHostPage(page, `<iframe src="${baseURL}/embed?${QUERY}" title="Demarche embed" width="600" height="700" sandbox="${variant.sandbox}"></iframe>`);
      const frame = page.frameLocator("iframe");
      await expect(frame.getByRole("article")).toHaveCount(expected.length);
      expect((await frame.getByRole("article").getByRole("heading").allTextContents()).map((t) => t.trim())).toEqual(expected);
      // The line that says what the view is links to the full view in a new tab.
      const viewLink = frame.getByRole("link", { name: /events · Russia → United States/ });
      await expect(viewLink).toHaveAttribute("href", `${baseURL}/?${QUERY}`);
      await expect(viewLink).toHaveAttribute("target", "_blank");
      // Every card links to its event on Demarche in a new tab.
      const cardLinks = frame.getByRole("article").getByRole("heading").getByRole("link");
      await expect(cardLinks).toHaveCount(expected.length);
      for (const link of await cardLinks.all()) {
        expect(await link.getAttribute("href")).toMatch(new RegExp(`^${baseURL}/events/\\d+$`));
        await expect(link).toHaveAttribute("target", "_blank");
        await expect(link).toHaveAttribute("rel", "noopener");
      }
      // Nothing of the site's chrome.
      await expect(frame.getByText("Editors’ sign-in")).toHaveCount(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test("the embed reads without JavaScript, sets no cookie, fits a phone and is accessible", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const response = await page.goto(`/embed?${QUERY}`);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers["set-cookie"]).toBeUndefined();
    expect(headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(headers["x-frame-options"]).toBeUndefined();
    expect(await context.cookies(baseURL)).toEqual([]);
    await expect(page.getByRole("article").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the embed scrolls sideways at 390 px").toBeLessThanOrEqual(0);
    await context.close();
  });

  test("the embed passes axe", async ({ page }) => {
    await page.goto(`/embed?${QUERY}`);
    await expectNoSeriousA11yViolations(page);
    const event = page.getByRole("article").first().getByRole("link").first();
    await page.goto(new URL((await event.getAttribute("href")) ?? "/", "http://x").pathname.replace(/^\/events/, "/embed/events"));
    await expect(page.getByRole("heading", { name: "The whole chain" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("an event embed shows the event with its chain", async ({ page, baseURL }) => {
    await page.goto("/");
    // An event that answers another: its chain has at least two events.
    await page.locator(".event-card__relations a").first().click();
    await expect(page).toHaveURL(/\/events\/\d+/);
    const id = /\/events\/(\d+)/.exec(page.url())?.[1];
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    const chainSteps = await page.locator(".chain > li").count();
    expect(chainSteps).toBeGreaterThan(1);
    await serveHostPage(page, `<iframe src="${baseURL}/embed/events/${id}" title="Demarche event" width="600" height="560" sandbox="allow-scripts"></iframe>`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(frame.getByRole("heading", { name: "Related events" })).toBeVisible();
    await expect(frame.locator("ol.e-chain > li")).toHaveCount(chainSteps);
  });

  test("the oEmbed answer's html embeds the same view", async ({ page, request, baseURL }) => {
    const expected = await timelineTitles(page, QUERY);
    // The timeline page announces its oEmbed address.
    const discovery = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
    expect(discovery).toBeTruthy();
    const answer = await request.get(discovery ?? "");
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { type: string; html: string; width: number; height: number };
    expect(body.type).toBe("rich");
    await serveHostPage(page, body.html);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("article")).toHaveCount(expected.length);
    expect((await frame.getByRole("article").getByRole("heading").allTextContents()).map((t) => t.trim())).toEqual(expected);
    // Foreign URLs and XML are refused as the oEmbed specification says.
    expect((await request.get(`/api/oembed?url=${encodeURIComponent("https://evil.example/")}`)).status()).toBe(404);
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/`)}&format=xml`)).status()).toBe(501);
  });

  test("/embed.js sizes the frame to its content from the embed's height message", async ({ page, baseURL }) => {
    await serveHostPage(
      page,
      `<iframe src="${baseURL}/embed" title="Demarche embed" width="600" height="200" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe><script src="${baseURL}/embed.js"></script>`,
    );
    const frame = page.locator("iframe");
    await expect.poll(async () => frame.evaluate((el: HTMLIFrameElement) => parseInt(el.style.height || "0", 10))).toBeGreaterThan(1000);
    // A forged message from the host page itself (not the frame) changes nothing.
    const before = await frame.evaluate((el: HTMLIFrameElement) => el.style.height);
    await page.evaluate(() => window.postMessage({ type: "demarche:embed-height", height: 5 }, "*"));
    await page.waitForTimeout(200);
    expect(await frame.evaluate((el: HTMLIFrameElement) => el.style.height)).toBe(before);
  });

  test("every other page refuses to be framed", async ({ browser, baseURL }) => {
    // Its own context: the browser reports the refusals as console errors, which are expected here.
    const context = await browser.newContext();
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors|X-Frame-Options/.test(m.text())) refusals.push(m.text());
    });
    const paths = ["/", "/events/1", "/login", "/matrix"];
    await serveHostPage(page, paths.map((p) => `<iframe src="${baseURL}${p}" title="${p}"></iframe>`).join(""));
    await expect.poll(() => refusals.length).toBeGreaterThanOrEqual(paths.length);
    for (const p of paths) {
      await expect(page.frameLocator(`iframe[title="${p}"]`).getByRole("link", { name: "Demarche" })).toHaveCount(0);
    }
    await context.close();
  });

  test("the timeline's 'Embed this view' gives a snippet of the current view, and hydrated pages log no CSP violation", async ({ page, baseURL }) => {
    // Creating an account through the CLI and visiting five admin pages takes a while on a busy machine.
    test.setTimeout(90_000);
    const response = await page.goto(`/?${QUERY}`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    await page.getByText("Embed this view").click();
    const code = page.getByLabel("Embed code");
    await expect(code).toHaveValue(new RegExp(`<iframe src="${baseURL}/embed\\?initiator=ru&amp;target=us" width="600" height="700"`));
    await expect(code).toHaveValue(new RegExp(`<script async src="${baseURL}/embed.js"></script>`));
    // Changing the size updates the snippet: React hydrated under the policy.
    await page.getByLabel("Width (px)").fill("480");
    await expect(code).toHaveValue(/width="480" height="700"/);
    await page.getByLabel(/Resize the frame/).uncheck();
    await expect(code).not.toHaveValue(/embed\.js/);
    // The event page has one too, and pages with forms work under the policy (the fixture fails on any console error).
    await page.locator(".event-card__title a").first().click();
    await expect(page.getByText("Embed this event")).toBeVisible();
    await page.goto("/login");
    const editor = createUser("admin");
    await signIn(page, editor);
    for (const path of ["/admin", "/admin/events/new", "/admin/import", "/admin/users", "/admin/actors"]) {
      const answer = await page.goto(path);
      expect(answer?.status(), path).toBe(200);
      expect(answer?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    // A client-side interaction on an admin form: the type-ahead needs hydrated React.
    await page.goto("/admin/events/new");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("security headers: HSTS only over HTTPS, the common headers everywhere", async ({ request }) => {
    for (const path of ["/", "/embed", "/login", "/api/oembed?url=x"]) {
      const plain = await request.get(path);
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
      expect(plain.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(plain.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(plain.headers()["permissions-policy"], path).toContain("camera=()");
      const viaProxy = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
      expect(viaProxy.headers()["strict-transport-security"], path).toMatch(/^max-age=\d+/);
    }
  });
});

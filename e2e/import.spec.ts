import fs from "node:fs";
import http from "node:http";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { createUser, serverActions, signIn } from "./admin-helpers";

const HEADER = "id,date,type,title,initiators,targets,initiator_codes,tags,source_urls,source_titles,responds_to,status";

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines, ""].join("\r\n"), "utf8") };
}

test.describe("admin import", () => {
  test("is for signed-in editors only", async ({ page }) => {
    await page.goto("/admin/import");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/admin/import");
    const backup = await page.request.get("/admin/backup.json", { maxRedirects: 0 });
    expect(backup.status()).toBe(307);
  });

  test("checks a CSV file, shows the dry run, applies it and the events appear", async ({ page }) => {
    await signIn(page, createUser("editor"));
    await page.goto("/admin/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import events" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download a full backup" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    const stamp = Date.now();
    const first = `Moldova expels a Russian diplomat ${stamp}`;
    const second = `Russia summons Moldova's ambassador ${stamp}`;
    await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(
      csvFile("moldova.csv", [
        `,2023-07-26,diplomatic-expulsion,${first},Moldova,Russia,MD,test-import,https://example.org/${stamp},A source,,published`,
        `,2023-07,statement,"${second}","Russia; Sergey Lavrov",Moldova,RU,test-import,,,,published`,
      ]),
    );
    await page.getByRole("button", { name: "Check file" }).click();

    const report = page.getByRole("region", { name: "Dry run: moldova.csv" });
    await expect(report).toBeVisible();
    await expect(report.getByRole("list", { name: "Summary" })).toContainText("2 to create");
    await expect(report).toContainText("New actors: Moldova");
    const rows = report.getByRole("table").getByRole("row");
    await expect(rows.nth(1).getByRole("cell").nth(1)).toHaveText("create");
    await expect(rows.nth(2).getByRole("cell").nth(2)).toHaveText(second);
    // The dry run wrote nothing.
    expect(await (await page.request.get(`/export.json?q=${stamp}`)).json()).toEqual([]);

    await page.getByRole("button", { name: "Apply 2 changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Applied" })).toHaveText("Applied: 2 created, 0 updated, 0 unchanged.");

    await page.goto("/?tag=test-import");
    await expect(page.getByRole("article", { name: first })).toBeVisible();
    await expect(page.getByRole("article", { name: second })).toContainText("Sergey Lavrov");
    await expect(page.getByRole("article", { name: first }).locator("time")).toHaveText("26 Jul 2023");
  });

  test("reports a bad row by row and column and offers no Apply", async ({ page }) => {
    await signIn(page, createUser("admin"));
    await page.goto("/admin/import");
    await expect(page.getByRole("link", { name: "Download a full backup" })).toBeVisible();
    await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(
      csvFile("bad.csv", [
        ",2023-01-02,statement,A fine row,Russia,,,,,,,published",
        ",2023-02-30,statement,A row with an impossible date,Russia,,,,,,,published",
        ",2023-03,no-such-type,,,,,,,,,published",
      ]),
    );
    await page.getByRole("button", { name: "Check file" }).click();
    const report = page.getByRole("region", { name: "Dry run: bad.csv" });
    await expect(report.getByRole("list", { name: "Summary" })).toContainText("2 with errors");
    await expect(report).toContainText("row 3, date: 2023-02 has no day 30.");
    await expect(report).toContainText("row 4, type: Choose an event type.");
    await expect(report).toContainText("row 4, title: Enter a title.");
    await expect(report).toContainText("row 4, initiators: Add at least one initiator.");
    await expect(page.getByRole("button", { name: /Apply/ })).toHaveCount(0);
    await expect(report).toContainText("Correct the errors in the file and check it again");
  });

  test("without JavaScript, Check file and Apply still work", async ({ browser }) => {
    const editor = createUser("editor");
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto("/admin/import");
    const title = `No-script import ${Date.now()}`;
    await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(csvFile("noscript.csv", [`,2023-07-26,statement,${title},Moldova,,,,,,,published`]));
    await page.getByRole("button", { name: "Check file" }).click();
    const report = page.getByRole("region", { name: "Dry run: noscript.csv" });
    await expect(report.getByRole("list", { name: "Summary" })).toContainText("1 to create");
    await page.getByRole("button", { name: "Apply 1 changes" }).click();
    await expect(page.getByText("Applied: 1 created, 0 updated, 0 unchanged.")).toBeVisible();
    await context.close();
  });

  test("a file over the upload limit gets the app's message, from the browser and from the server", async ({ page, baseURL }) => {
    await signIn(page, createUser("editor"));
    await page.goto("/admin/import");
    // Playwright passes buffers up to 50 MB only: a file on disk.
    const bigPath = test.info().outputPath("big.csv");
    fs.writeFileSync(bigPath, Buffer.alloc(64 * 1024 * 1024 + 1, 97));
    await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(bigPath);
    await page.getByRole("button", { name: "Check file" }).click();
    const message = "The file is larger than 64 MB; import it with npm run import (docs/csv.md).";
    await expect(page.getByRole("alert").filter({ hasText: message })).toHaveText(message);

    // Posted past the browser's check, with or without a Content-Length, the server says the same.
    const cookie = (await page.context().cookies()).find((c) => c.name === "demarche_session")!;
    for (const declare of [true, false]) {
      const answer = await post(baseURL!, "/admin/import/upload", {
        headers: { Cookie: `demarche_session=${cookie.value}` },
        file: 65 * 1024 * 1024,
        declare,
      });
      expect(answer.status, `declared: ${declare}`).toBe(303);
      expect(answer.location, `declared: ${declare}`).toBe("/admin/import?problem=too-large");
      // A declared length over the limit is refused at once. (Without one, the server stops at
      // 64 MB, but socket buffers hide when: lib/import/receive-upload.test.ts measures that.)
      if (declare) expect(answer.sent).toBeLessThan(4 * 1024 * 1024);
    }
    await page.goto("/admin/import?problem=too-large");
    await expect(page.getByRole("alert").filter({ hasText: message })).toHaveText(message);
  });

  test("anonymous large posts are refused before their body is read", async ({ baseURL }) => {
    test.setTimeout(60_000);
    const importAction = serverActions().find((a) => a.name === "importAction")!;
    const upload = await post(baseURL!, "/admin/import/upload", { file: 60 * 1024 * 1024, declare: true, slow: true });
    expect(upload.status).toBe(303);
    expect(upload.location).toBe("/login?next=%2Fadmin%2Fimport");
    expect(upload.sent).toBeLessThan(4 * 1024 * 1024);
    // A server action stops reading at its 1 MB limit (Next answers with an error page).
    const action = await post(baseURL!, importAction.page, { headers: { "Next-Action": importAction.id }, file: 60 * 1024 * 1024, declare: true, slow: true });
    expect(action.status).toBeGreaterThanOrEqual(400);
    expect(action.sent).toBeLessThan(16 * 1024 * 1024);
  });
});

/**
 * Posts a multipart form with one file of `file` bytes, writing it as the server takes it
 * (or slowly, 256 kB per 100 ms) and stopping as soon as an answer arrives: how much was
 * sent by then shows whether the server read the body before answering.
 */
function post(
  baseURL: string,
  path: string,
  options: { headers?: Record<string, string>; file: number; declare: boolean; slow?: boolean },
): Promise<{ status: number; location: string | undefined; sent: number }> {
  const boundary = "----demarche-e2e";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + options.file + tail.length;
  const headers: Record<string, string | number> = { ...options.headers, "Content-Type": `multipart/form-data; boundary=${boundary}` };
  if (options.declare) headers["Content-Length"] = total;
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method: "POST", headers });
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      resolve({ status: response.statusCode ?? 0, location: response.headers.location, sent });
      response.resume();
      request.destroy();
    });
    // A server that answers and closes while the body is still being written makes the
    // write fail (EPIPE); the answer may still arrive, so wait for it a moment.
    request.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 2000));
    const chunk = Buffer.alloc(256 * 1024, 97);
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
    void (async () => {
      request.write(head);
      // Give a server that decides on the headers alone the time to answer.
      await pause(500);
      for (let left = options.file; left > 0 && !answered && !request.destroyed; left -= chunk.length) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        sent += piece.length;
        if (!request.write(piece)) await new Promise((done) => request.once("drain", done));
        if (options.slow) await pause(100);
      }
      if (!answered && !request.destroyed) request.end(tail);
    })().catch(() => undefined);
  });
}

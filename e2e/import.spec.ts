import fs from "node:fs";
import http from "node:http";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { createUser, serverActions, signIn, withDatabase } from "./admin-helpers";

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
    await expect(rows.nth(1).getByRole("rowheader")).toHaveText("2");
    await expect(rows.nth(1).getByRole("cell").nth(0)).toHaveText("create");
    await expect(rows.nth(2).getByRole("cell").nth(1)).toHaveText(second);
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
    const row = (n: number) => report.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(n), exact: true }) });
    // Marked in words, not by colour alone, and each message quotes the value the file gave.
    await expect(row(2).getByRole("cell").nth(0)).toHaveText("create");
    await expect(row(3).getByRole("cell").nth(0)).toHaveText("✗ Error");
    await expect(row(3)).toContainText("date: 2023-02-30: February 2023 has no day 30.");
    await expect(row(4).getByRole("cell").nth(0)).toHaveText("✗ Error");
    await expect(row(4)).toContainText('type: "no-such-type" is not an event type (docs/event-types.md lists them).');
    await expect(row(4)).toContainText("title: Enter a title.");
    await expect(row(4)).toContainText("initiators: Add at least one initiator.");
    await expect(report.getByRole("table")).toHaveClass(/admin-table/);
    await expect(page.getByRole("button", { name: /Apply/ })).toHaveCount(0);
    await expect(report).toContainText("Correct the errors in the file and check it again");
  });

  test("re-checking an id-less file lists its rows as duplicates and skips them, unless asked to create them", async ({ page }) => {
    await signIn(page, createUser("editor"));
    const stamp = Date.now();
    const titles = [`Estonia expels a Russian attaché ${stamp}`, `Russia answers Estonia ${stamp}`];
    const file = csvFile("again.csv", [
      `,2023-08-01,diplomatic-expulsion,${titles[0]},Estonia,Russia,,test-import-dups,,,,published`,
      `,2023-08-03,statement,${titles[1]},Russia,Estonia,,test-import-dups,,,,published`,
    ]);
    const fileLabel = "CSV file (the export's format) or JSON backup";
    try {
      await page.goto("/admin/import");
      await page.getByLabel(fileLabel).setInputFiles(file);
      await page.getByRole("button", { name: "Check file" }).click();
      await page.getByRole("button", { name: "Apply 2 changes" }).click();
      await expect(page.getByText("Applied: 2 created, 0 updated, 0 unchanged.")).toBeVisible();
      const ids = await withDatabase(async (db) =>
        (await db.event.findMany({ where: { title: { in: titles } }, orderBy: { dateStart: "asc" }, select: { id: true } })).map((e) => e.id),
      );
      expect(ids).toHaveLength(2);

      // The same file again: both rows are likely duplicates, skipped by default.
      await page.goto("/admin/import");
      await expect(page.getByLabel("Create likely duplicates too")).not.toBeChecked();
      await page.getByLabel(fileLabel).setInputFiles(file);
      await page.getByRole("button", { name: "Check file" }).click();
      const report = page.getByRole("region", { name: "Dry run: again.csv" });
      const summary = report.getByRole("list", { name: "Summary" });
      await expect(summary).toContainText("0 to create");
      await expect(summary).toContainText("2 likely duplicates");
      const rows = report.getByRole("table").getByRole("row");
      await expect(rows.nth(1).getByRole("cell").nth(0)).toHaveText(`duplicate of #${ids[0]}`);
      await expect(rows.nth(2).getByRole("cell").nth(0)).toHaveText(`duplicate of #${ids[1]}`);
      await expect(rows.nth(1).getByRole("link", { name: `#${ids[0]}` })).toHaveAttribute("href", `/admin/events/${ids[0]}/edit`);
      await expect(report.getByTestId("duplicate-note")).toContainText("will be skipped");
      await expect(page.getByRole("button", { name: /Apply/ })).toHaveCount(0);
      await expect(report).toContainText("The file changes nothing.");
      await expectNoSeriousA11yViolations(page);

      // Asked explicitly, the dry run and the apply create them.
      await page.getByLabel("Create likely duplicates too").check();
      await page.getByLabel(fileLabel).setInputFiles(file);
      await page.getByRole("button", { name: "Check file" }).click();
      await expect(page.getByLabel("Create likely duplicates too")).toBeChecked();
      await expect(summary).toContainText("2 to create");
      await expect(rows.nth(1).getByRole("cell").nth(0)).toHaveText(`create (duplicate of #${ids[0]})`);
      await page.getByRole("button", { name: "Apply 2 changes" }).click();
      await expect(page.getByText("Applied: 2 created, 0 updated, 0 unchanged, 2 likely duplicates created anyway.")).toBeVisible();
      expect(await withDatabase((db) => db.event.count({ where: { title: { in: titles } } }))).toBe(4);
    } finally {
      await withDatabase((db) => db.event.deleteMany({ where: { title: { in: titles } } }));
    }
  });

  test("the report is an admin table that fits a 390 px phone and a desktop", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, createUser("editor"));
    const lines = [
      ",2023-01-02,statement,A row that is fine,Russia,,,,,,,published",
      `,2023-13-45,sanktion,A row with a bad date and a bad type and a long title to wrap ${"word ".repeat(20)},Russia,,,,https://example.org/${"x".repeat(120)},,,published`,
    ];
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/admin/import");
      // The label sits above the file input, not run into it.
      const label = await page.getByText("CSV file (the export's format) or JSON backup").boundingBox();
      const input = await page.getByLabel("CSV file (the export's format) or JSON backup").boundingBox();
      expect(input!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
      await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(csvFile("styled.csv", lines));
      await page.getByRole("button", { name: "Check file" }).click();
      const report = page.getByRole("region", { name: "Dry run: styled.csv" });
      await expect(report.getByRole("row").nth(2)).toContainText("✗ Error");
      await expect(report.getByRole("row").nth(2)).toContainText('"sanktion" is not an event type');
      await expect(report.getByRole("row").nth(2)).toHaveClass(/import-row--error/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`import-report-${width}.png`), fullPage: true });
      await expectNoSeriousA11yViolations(page);
    }
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
    // A server action stops reading at its 3 MB limit (Next answers with an error page).
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

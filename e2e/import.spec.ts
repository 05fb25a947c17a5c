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

  test("a file over the upload limit gets the app's message, from the browser and from the server", async ({ page }) => {
    await signIn(page, createUser("editor"));
    await page.goto("/admin/import");
    const big = { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(64 * 1024 * 1024 + 1, 97) };
    await page.getByLabel("CSV file (the export's format) or JSON backup").setInputFiles(big);
    await page.getByRole("button", { name: "Check file" }).click();
    const message = "The file is larger than 64 MB; import it with npm run import (docs/csv.md).";
    await expect(page.getByRole("alert")).toHaveText(message);

    // Posted past the browser's check, the server says the same after streaming up to the limit.
    const response = await page.request.post("/admin/import/upload", { multipart: { file: big }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/\/admin\/import\?problem=too-large$/);
    await page.goto("/admin/import?problem=too-large");
    await expect(page.getByRole("alert")).toHaveText(message);
  });

  test("anonymous large posts are refused before their body is read", async ({ baseURL }) => {
    const importAction = serverActions().find((a) => a.name === "importAction")!;
    const cases = [
      { path: "/admin/import/upload", headers: { "Content-Type": "multipart/form-data; boundary=x" } },
      { path: importAction.page, headers: { "Content-Type": "multipart/form-data; boundary=x", "Next-Action": importAction.id } },
    ];
    for (const { path, headers } of cases) {
      const declared = 60 * 1024 * 1024;
      const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        const request = http.request(new URL(path, baseURL), { method: "POST", headers: { ...headers, "Content-Length": declared } });
        let sent = 0;
        const chunk = Buffer.alloc(256 * 1024, 97);
        request.on("response", (response) => {
          resolve({ status: response.statusCode ?? 0, sent });
          response.resume();
          request.destroy();
        });
        request.on("error", (error) => (sent >= declared ? reject(error) : undefined));
        // Send slowly: a server that waited for the whole body would never answer in time.
        const timer = setInterval(() => {
          if (request.destroyed) return clearInterval(timer);
          if (sent >= 8 * 1024 * 1024) {
            clearInterval(timer);
            // No answer after 8 MB: the server is reading the body. Fail instead of hanging.
            setTimeout(() => resolve({ status: 0, sent }), 15_000);
            return;
          }
          sent += chunk.length;
          request.write(chunk);
        }, 20);
      });
      expect(sent, path).toBeLessThan(8 * 1024 * 1024);
      expect([303, 413, 500], path).toContain(status);
    }
  });
});

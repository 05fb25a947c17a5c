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

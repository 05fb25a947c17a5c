/**
 * npm run bench:weight [-- 10000] [--out DIR]
 *
 * The weight and the layout shift of `/` (issue 15): the production server (.next/demarche/
 * serve.mjs, so a build must exist: npm run build) on a bench database of N events
 * (bench/generate.ts). Prints the raw bytes of `/`'s HTML, of its inline RSC payload (the
 * self.__next_f scripts), of the facet options and of the chart; then loads `/` in Chromium
 * (Debian's, as the e2e tests do) at 390 px (a phone, 4x CPU slowdown) and 1280 px and prints
 * the cumulative layout shift from PerformanceObserver 'layout-shift' entries (Lighthouse is
 * not installed here), and saves a screenshot of each width into --out (default
 * data/bench/screenshots). The load average is printed beside the figures.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { findChromium } from "../e2e/chromium";
import { benchDatabaseFile, generateBenchDatabase } from "./generate";
import { migrateDatabase } from "../scripts/lib/migrate";
import { resolveDatabaseTarget } from "../lib/db/url";
import { compileServer } from "../scripts/lib/compile-server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? path.resolve(args[outAt + 1] ?? "") : path.join(ROOT, "data", "bench", "screenshots");
const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--out") ?? 10_000);
if (!(n > 0)) throw new Error("N must be a positive number");
const PORT = 3192;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function fetchText(address: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path: address }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

const file = benchDatabaseFile(ROOT, n);
if (fs.existsSync(file)) migrateDatabase(resolveDatabaseTarget(`file:${file}`), { quiet: true });
else generateBenchDatabase(file, n);
const app = spawn(process.execPath, [compileServer(), "--port", String(PORT), "--hostname", "127.0.0.1"], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  let first: { status: number; body: string } | null = null;
  for (let i = 0; i < 240 && !first; i++) {
    if (app.exitCode !== null) throw new Error(`The server exited with ${app.exitCode}`);
    try {
      const answer = await fetchText("/");
      if (answer.status === 200) first = answer;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (!first) throw new Error("The server did not answer / within 2 minutes");
  const { body } = await fetchText("/");
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  const scripts = [...body.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  const rsc = scripts.reduce((sum, s) => sum + bytes(s), 0);
  const options = (body.match(/class="facet__option"/g) ?? []).length;
  const chart = /<figure class="activity-chart"[\s\S]*?<\/figure>/.exec(body)?.[0] ?? "";
  console.log(`N = ${n.toLocaleString("en-GB")}, SQLite; load average ${load()}`);
  console.log(`/ HTML            ${kb(bytes(body))}`);
  console.log(`  inline RSC      ${kb(rsc)} (${((rsc / bytes(body)) * 100).toFixed(0)}%) in ${scripts.length} scripts`);
  console.log(`  facet options   ${options} rendered`);
  console.log(`  chart (HTML)    ${kb(bytes(chart))}`);

  fs.mkdirSync(out, { recursive: true });
  const executable = findChromium();
  if (!executable) throw new Error("No Chromium found (apt-get install chromium, or set CHROMIUM_PATH); the byte figures above stand");
  const browser = await chromium.launch({ executablePath: executable, args: ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
  try {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, isMobile: width === 390, hasTouch: width === 390 });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.__cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      if (width === 390) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      }
      await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "load" });
      await page.waitForTimeout(1500);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      const shot = path.join(out, `timeline-${width}.png`);
      await page.screenshot({ path: shot });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      console.log(`CLS at ${width} px   ${cls.toFixed(3)}${sideways ? " (scrolls sideways!)" : ""}; screenshot ${path.relative(ROOT, shot)}; load average ${load()}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  app.kill();
}

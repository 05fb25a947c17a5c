import "./lib/env";
import { readEnv } from "../lib/env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findChromium } from "../e2e/chromium";

// Playwright's own browser download cannot work without internet access to its CDN, so the
// end-to-end tests use the distribution's Chromium (docs/decisions/0002-chromium-from-debian.md).
const found = findChromium();
if (found) process.exit(0);

const configured = readEnv().CHROMIUM_PATH;
if (configured) {
  console.error(`CHROMIUM_PATH is set to ${configured}, but there is no file there.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (isRoot && hasApt) {
  console.log("Chromium is missing; installing Debian's chromium package for the end-to-end tests…");
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install Chromium by hand and run the tests again.`);
      process.exit(1);
    }
  }
  if (findChromium()) process.exit(0);
}

console.error(
  [
    "The end-to-end tests need Chromium, and none was found at " + ["CHROMIUM_PATH", "/usr/bin/chromium"].join(" or ") + ".",
    hasApt
      ? "Install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n"
      : "Install Chromium with your system's package manager, then point CHROMIUM_PATH at its executable.\n",
    "(`npx playwright install` is not used: it downloads a browser build, which needs internet access.)",
  ].join("\n"),
);
process.exit(1);

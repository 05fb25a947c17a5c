import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What a production build is made from; a change to any of these makes the build stale. */
const INPUT_DIRS = ["app", "components", "lib", "public", "generated"];
const INPUT_FILES = ["next.config.js", "instrumentation.ts", "tsconfig.json", "package-lock.json", "package.json", "prisma/models.prisma"];
const IGNORED = /(\.test\.tsx?$|\/node_modules\/|\/\.next\/)/;

export const BUILD_STAMP = path.join(".next", "demarche-build-inputs.sha256");

function listFiles(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !IGNORED.test(`/${file}`));
}

/** A hash of every build input's path and content. */
export function hashBuildInputs(root: string): string {
  const files = [...INPUT_DIRS.flatMap((d) => listFiles(root, d)), ...INPUT_FILES.filter((f) => fs.existsSync(path.join(root, f)))].sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

export function isBuildFresh(root: string): boolean {
  const stamp = path.join(root, BUILD_STAMP);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, "utf8").trim() === hashBuildInputs(root);
}

export function writeBuildStamp(root: string, hash: string): void {
  fs.writeFileSync(path.join(root, BUILD_STAMP), `${hash}\n`);
}

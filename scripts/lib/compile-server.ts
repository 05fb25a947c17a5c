import path from "node:path";
import { buildSync } from "esbuild";
import { ROOT } from "./run";

/** Where `npm start` puts the server it runs with plain node (inside .next/, which is git-ignored and per build). */
export const COMPILED_SERVER = path.join(ROOT, ".next", "demarche", "serve.mjs");

/**
 * Compiles scripts/serve.ts (and the project files it imports: lib/auth/request.ts,
 * scripts/lib/run.ts) into one plain ES module, packages left as imports, so the server runs
 * as `node .next/demarche/serve.mjs`: no tsx CLI, no loader and no esbuild service process
 * resident beside it (issue 15). ~50 ms; done on every start, so it always matches the code.
 * ROOT in scripts/lib/run.ts is two folders up from the module, as it is from scripts/lib/.
 */
export function compileServer(): string {
  buildSync({
    entryPoints: [path.join(ROOT, "scripts", "serve.ts")],
    outfile: COMPILED_SERVER,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  return COMPILED_SERVER;
}

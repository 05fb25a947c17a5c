/** `npm run draft -- article.txt --published 2021-04-29`: see lib/intake/cli.ts. */
import "./lib/env";
import fs from "node:fs";
import { runDraftCli } from "../lib/intake/cli";

const code = await runDraftCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => fs.readFileSync(0, "utf8"),
});
process.exitCode = code;

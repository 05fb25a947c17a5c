import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { EnvError } from "../../lib/env";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Path of a binary installed in node_modules/.bin. */
export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/** A command that did not succeed; scripts report its message and exit non-zero. */
export class CommandFailed extends Error {
  override name = "CommandFailed";
}

/** Runs a command to completion; throws CommandFailed if it fails. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): string {
  const result = spawnSync(command, args, {
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    cwd: ROOT,
    env: options.env ?? process.env,
    encoding: "utf8",
  });
  const label = `${path.basename(command)} ${args.join(" ")}`;
  if (result.error) throw new CommandFailed(`Could not run ${label}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = options.quiet ? `\n${result.stdout ?? ""}${result.stderr ?? ""}` : "";
    throw new CommandFailed(`${label} failed (exit ${result.status ?? result.signal}).${output}`);
  }
  // Quiet runs return what the command printed; inherited output is already on the terminal.
  return options.quiet ? `${result.stdout ?? ""}${result.stderr ?? ""}` : "";
}

/** Runs a script's main function, printing expected failures without a stack trace. */
export async function main(fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof CommandFailed || error instanceof EnvError) {
      console.error(`\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** Runs a long-lived child (the server) and forwards termination signals to it. */
export function runForeground(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(command, args, { stdio: "inherit", cwd: ROOT, env });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

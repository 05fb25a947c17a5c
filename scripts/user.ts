/**
 * Manages editor accounts from the command line (scripts, CI, the first admin).
 *
 *   npm run user -- create --email a@example.org --role editor [--name "A. Editor"]
 *   npm run user -- list
 *   npm run user -- set-password --email a@example.org
 *   npm run user -- disable --email a@example.org
 *   npm run user -- unlock --email a@example.org   (lifts the sign-in delays after failed attempts)
 *
 * The password comes from DEMARCHE_PASSWORD, or is asked for without echoing it.
 */
import "./lib/env";
import { readEnv } from "../lib/env";
import { parseArgs } from "node:util";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { normalizeEmail } from "../lib/auth/rate-limit";
import { USER_ROLES } from "../lib/events/vocabulary";
import { emailSchema, passwordSchema, userCreateSchema } from "../lib/users/schema";
import { createUser, findUserIdByEmail, setUserDisabled, setUserPassword, unlockUser } from "../lib/users/write";
import { ExpectedError } from "../lib/errors";
import { CommandFailed, main } from "./lib/run";

const USAGE = `Usage:
  npm run user -- create --email <address> --role ${USER_ROLES.join("|")} [--name <name>]
  npm run user -- list
  npm run user -- set-password --email <address>
  npm run user -- disable --email <address>
  npm run user -- unlock --email <address>     lift the sign-in delays after failed attempts

The password is read from DEMARCHE_PASSWORD, or asked for (not shown while typed).`;

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    throw new CommandFailed("No terminal to ask for the password: set DEMARCHE_PASSWORD instead.");
  }
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new CommandFailed("Cancelled."));
          return;
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = readEnv().DEMARCHE_PASSWORD;
  const password = fromEnv ?? (await promptHidden("Password: "));
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new CommandFailed(`Password not accepted: ${checked.error.issues[0]?.message}`);
  if (fromEnv === undefined && (await promptHidden("Repeat the password: ")) !== password) {
    throw new CommandFailed("The two passwords differ; nothing was changed.");
  }
  return password;
}

async function userIdFor(prisma: PrismaClient, email: string | undefined): Promise<number> {
  const parsed = emailSchema.safeParse(email ?? "");
  if (!parsed.success) throw new CommandFailed(`--email: ${parsed.error.issues[0]?.message}\n\n${USAGE}`);
  const id = await findUserIdByEmail(prisma, parsed.data);
  if (id === null) throw new CommandFailed(`There is no account for ${parsed.data}.`);
  return id;
}

async function run(prisma: PrismaClient, command: string | undefined, options: { email?: string; role?: string; name?: string }) {
  switch (command) {
    case "create": {
      const input = userCreateSchema.safeParse({ email: options.email ?? "", role: options.role ?? "", name: options.name, password: "x".repeat(200) });
      if (!input.success) {
        const issue = input.error.issues[0];
        throw new CommandFailed(`--${String(issue?.path[0])}: ${issue?.message}\n\n${USAGE}`);
      }
      const password = await readPassword();
      const id = await prisma.$transaction((tx) => createUser(tx, { ...input.data, password }, null));
      console.log(`Created ${input.data.role} ${input.data.email} (id ${id}).`);
      return;
    }
    case "list": {
      const users = await prisma.user.findMany({
        orderBy: { email: "asc" },
        select: { id: true, email: true, role: true, disabled: true, lastLoginAt: true },
      });
      if (users.length === 0) console.log("No accounts yet.");
      for (const u of users) {
        const last = u.lastLoginAt ? `last sign-in ${u.lastLoginAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never signed in";
        console.log(`${String(u.id).padStart(4)}  ${u.email}  ${u.role}${u.disabled ? "  DISABLED" : ""}  ${last}`);
      }
      return;
    }
    case "set-password": {
      const id = await userIdFor(prisma, options.email);
      const password = await readPassword();
      await prisma.$transaction((tx) => setUserPassword(tx, id, password, null));
      console.log(`Password changed for ${options.email}; their sessions are signed out.`);
      return;
    }
    case "disable": {
      const id = await userIdFor(prisma, options.email);
      await prisma.$transaction((tx) => setUserDisabled(tx, id, true, null));
      console.log(`Disabled ${options.email} and signed them out everywhere.`);
      return;
    }
    case "unlock": {
      const id = await userIdFor(prisma, options.email);
      const cleared = await prisma.$transaction((tx) => unlockUser(tx, id, null));
      console.log(`Unlocked ${normalizeEmail(options.email ?? "")}: ${cleared} failed sign-in attempt(s) forgotten; they can sign in at once.`);
      return;
    }
    default:
      throw new CommandFailed(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
}

await main(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    });
  } catch (error) {
    throw new CommandFailed(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const prisma = createPrismaClient();
  try {
    await run(prisma, parsed.positionals[0], parsed.values);
  } catch (error) {
    if (error instanceof ExpectedError) throw new CommandFailed(error.message);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
});

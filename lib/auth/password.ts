import { hash, verify, type Algorithm } from "@node-rs/argon2";

// The package declares Algorithm as a const enum, which isolated modules cannot read at run
// time; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm.Argon2id;

// OWASP's recommended argon2id minimum (19 MiB, 2 passes): ~50 ms here, slow enough to make
// offline guessing expensive and fast enough not to stall sign-in.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not let anyone in, nor crash the sign-in page.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real check when the account does not exist or is disabled,
 * so response times do not reveal which email addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("demarche-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

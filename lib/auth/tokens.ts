import crypto from "node:crypto";

/** A session token: 32 random bytes, URL-safe. Only the browser ever holds it. */
export function generateSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * The database stores only the SHA-256 of a token, so a leaked copy of the database (or a
 * backup) cannot be replayed as a cookie. A fast hash is right here: the token has 256 bits
 * of entropy, so there is nothing to brute-force.
 */
export function hashSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

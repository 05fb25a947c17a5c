import { readEnv, type EnvSource } from "@/lib/env";

/**
 * Where the client's address comes from (docs/deploy.md, "The client's address").
 *
 * Next.js keeps an `X-Forwarded-For` header the client sent and only fills it from the
 * socket when there is none, so the header proves nothing on its own. `npm start` serves
 * the app through scripts/serve.ts, which computes the address from the socket and the
 * trusted-proxy setting and hands it on in CLIENT_ADDRESS_HEADER (replacing whatever the
 * client sent under that name); SERVED_FLAG tells the app that it runs behind it.
 */
export const CLIENT_ADDRESS_HEADER = "x-demarche-client-address";
export const SERVED_FLAG = "DEMARCHE_SERVED" as const;

/** `DEMARCHE_TRUSTED_PROXIES`: how many reverse proxies in front of the app append to X-Forwarded-For (default 0; lib/env.ts). */
export function trustedProxyHops(source?: EnvSource): number {
  return readEnv(source).DEMARCHE_TRUSTED_PROXIES;
}

function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return (trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed).slice(0, 100);
}

/**
 * The client's address: the socket's peer when no proxy is trusted; behind `hops` trusted
 * proxies, the entry that the outermost trusted proxy appended to X-Forwarded-For (each
 * proxy appends the address it saw, so the last `hops - 1` entries and the socket are
 * ours, and whatever lies further left was written by the client and is ignored).
 */
export function clientAddress(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, hops: number): string {
  const socket = socketAddress ? normaliseAddress(socketAddress) : "unknown";
  if (hops <= 0) return socket;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  // chain[length - hops] is what the outermost trusted proxy saw; fewer entries than
  // proxies means a proxy did not append one, and the leftmost is the best there is.
  const entry = chain.length === 0 ? undefined : chain[Math.max(0, chain.length - hops)];
  return entry ? normaliseAddress(entry) : socket;
}

/**
 * The address for rate limiting inside the app: the one scripts/serve.ts computed. Without
 * it (`next dev`, or `next start` run directly) the last X-Forwarded-For entry, which a
 * client can invent: that is for development only (docs/deploy.md).
 */
export function requestClientAddress(headers: { get(name: string): string | null }, source?: EnvSource): string {
  const served = headers.get(CLIENT_ADDRESS_HEADER);
  if (readEnv(source)[SERVED_FLAG] === "1" && served) return served.slice(0, 100);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  return entries.at(-1)?.slice(0, 100) ?? "unknown";
}

/** Whether the request reached us over https (directly or through a proxy that says so). */
export function isHttpsRequest(forwardedProto: string | null | undefined): boolean {
  return (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

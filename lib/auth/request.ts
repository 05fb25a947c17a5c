/**
 * The client's address for rate limiting. Next.js fills X-Forwarded-For with the socket
 * address when the request has none; a reverse proxy appends the address it saw. The last
 * entry is therefore the one written by the nearest hop we control. Without a proxy a
 * client can make up the header, which is why the per-account limit does not depend on it
 * (docs/decisions/0006-sessions-and-sign-in.md).
 */
export function clientIpFrom(forwardedFor: string | null | undefined): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  return entries.at(-1)?.slice(0, 100) ?? "unknown";
}

/** Whether the request reached us over https (directly or through a proxy that says so). */
export function isHttpsRequest(forwardedProto: string | null | undefined): boolean {
  return (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

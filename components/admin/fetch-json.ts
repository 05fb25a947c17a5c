/** Thrown when an admin API answer is not JSON: usually the session has ended. */
export class SessionEndedError extends Error {}

/** GETs JSON from an admin route handler, noticing when it answered with the sign-in page instead. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, signal, cache: "no-store" });
  const type = response.headers.get("content-type") ?? "";
  if (response.redirected || !response.ok || !type.includes("application/json")) {
    throw new SessionEndedError(`Unexpected answer from ${url}: ${response.status}`);
  }
  return (await response.json()) as T;
}

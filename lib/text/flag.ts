/** The flag emoji of an ISO 3166-1 alpha-2 code ("US" -> "🇺🇸"), or "" for anything else. */
export function flagEmoji(isoCode: string | null | undefined): string {
  if (!isoCode || !/^[A-Za-z]{2}$/.test(isoCode)) return "";
  const base = 0x1f1e6 - "A".charCodeAt(0);
  return String.fromCodePoint(...[...isoCode.toUpperCase()].map((c) => base + c.charCodeAt(0)));
}

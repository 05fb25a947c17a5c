/**
 * Case- and accent-folding for search: "Gençoğlu" and "GENCOGLU" both become "gencoglu".
 * NFKD splits letters from their diacritics, which are then dropped; a few letters that
 * have no decomposition are mapped by hand.
 */
const SPECIAL: Record<string, string> = {
  ı: "i",
  ł: "l",
  đ: "d",
  ð: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  þ: "th",
  ё: "е",
  й: "и",
};

export function foldText(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ıłđðøæœßþёй]/g, (c) => SPECIAL[c] ?? c)
    .replace(/\s+/g, " ")
    .trim();
}

/** URL-safe slug: "Presidency of Defense Industries (SSB)" -> "presidency-of-defense-industries-ssb". */
export function slugify(input: string): string {
  const slug = foldText(input)
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "x" : slug.slice(0, 80).replace(/-+$/, "");
}

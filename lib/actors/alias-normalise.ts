import { foldText } from "@/lib/text/fold";

/** What an alias is: shown on the actors screen, and used by the drafter to weigh a mention. */
export const ALIAS_KINDS = ["name", "demonym", "capital", "metonym", "transliteration", "other"] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export const MAX_ALIAS_LENGTH = 120;

/**
 * The form an alias is matched by: case and diacritics folded (lib/text/fold.ts), dots and
 * apostrophes dropped so that abbreviations meet their bare form, other punctuation and
 * spaces collapsed to one space, and a leading "the" dropped, so that "U.S." and "US",
 * "Türkiye" and "TURKIYE", "the Kremlin" and "Kremlin", "Côte d’Ivoire" and "Cote dIvoire"
 * are one alias each. Empty when nothing is left to match ("...", "the").
 */
export function normaliseAlias(input: string): string {
  return foldText(input)
    .replace(/[.'’‘`´ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Whether a kind string is one of ALIAS_KINDS. */
export function isAliasKind(value: string): value is AliasKind {
  return (ALIAS_KINDS as readonly string[]).includes(value);
}

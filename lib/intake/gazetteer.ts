/**
 * The built-in gazetteer: every ISO 3166-1 state with its English names from
 * `i18n-iso-countries` (official and alternative names) plus the curated demonyms,
 * capitals and metonyms of ./gazetteer-data.ts; the blocs and organisations; and the
 * transliteration variants of person names. The drafter reads it when a state is not in
 * the database's context, and the ActorAlias seed copies it into the database.
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { foldText } from "@/lib/text/fold";
import { CURATED_ORGANISATIONS, CURATED_PERSONS, CURATED_STATES, NAME_VARIANT_GROUPS, type CuratedOrganisation, type CuratedPerson } from "./gazetteer-data";

countries.registerLocale(en);

export type StateAliases = { isoCode: string; name: string; aliases: string[] };

let stateCache: StateAliases[] | null = null;

function displayName(isoCode: string, names: readonly string[]): string {
  const curated = CURATED_STATES[isoCode];
  if (curated) return curated.name;
  // i18n-iso-countries lists the official name first ("Bolivia, Plurinational State of");
  // prefer the first name without a comma, which reads as the common name.
  return names.find((n) => !n.includes(",")) ?? names[0] ?? isoCode;
}

/** Every ISO state, its recorded name and its other names (deduplicated, the name excluded). */
export function builtInStateAliases(): StateAliases[] {
  if (stateCache) return stateCache.map((s) => ({ ...s, aliases: [...s.aliases] }));
  const all = countries.getNames("en", { select: "all" }) as Record<string, string[]>;
  const result: StateAliases[] = [];
  for (const isoCode of Object.keys(all).sort()) {
    const names = all[isoCode] ?? [];
    const name = displayName(isoCode, names);
    const seen = new Set<string>([name]);
    const aliases: string[] = [];
    for (const alias of [...names, ...(CURATED_STATES[isoCode]?.aliases ?? [])]) {
      const trimmed = alias.trim();
      if (trimmed === "" || seen.has(trimmed)) continue;
      seen.add(trimmed);
      aliases.push(trimmed);
    }
    result.push({ isoCode, name, aliases });
  }
  stateCache = result;
  return result.map((s) => ({ ...s, aliases: [...s.aliases] }));
}

/** The blocs and organisations the drafter knows without a database (the EU, NATO, the UN, G7…). */
export function builtInOrganisationAliases(): CuratedOrganisation[] {
  return CURATED_ORGANISATIONS.map((o) => ({ ...o, aliases: [...o.aliases] }));
}

/** Well-known office holders with their state, so a surname resolves without a database. */
export function builtInPersons(): CuratedPerson[] {
  return CURATED_PERSONS.map((p) => ({ ...p, aliases: [...p.aliases] }));
}

const variantIndex = new Map<string, readonly string[]>();
for (const group of NAME_VARIANT_GROUPS) {
  for (const v of group) variantIndex.set(foldText(v), group);
}

/** The other spellings of a name's words: "Sergey Lavrov" -> ["Sergei Lavrov", "Serguei Lavrov"]. */
export function nameVariants(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  let variants: string[][] = [[]];
  for (const word of words) {
    const group = variantIndex.get(foldText(word));
    const options = group ? [word, ...group.filter((g) => foldText(g) !== foldText(word))] : [word];
    const next: string[][] = [];
    for (const v of variants) for (const o of options) next.push([...v, o]);
    variants = next.slice(0, 16);
  }
  return variants.map((v) => v.join(" ")).filter((v) => v !== words.join(" "));
}

import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { isAliasKind, normaliseAlias, type AliasKind } from "@/lib/actors/alias-normalise";
import { builtInStateAliases } from "@/lib/intake/gazetteer";

export type BuiltInAlias = { alias: string; kind: AliasKind };
export type BuiltInStateAliases = { isoCode: string; name: string; aliases: BuiltInAlias[] };

countries.registerLocale(en);

/**
 * The kind of a gazetteer alias, which gives bare strings: the names i18n-iso-countries
 * knows are names; demonyms, capitals and metonyms are told by a few known ones and by the
 * shape of the rest ("the White House", "Foreign Ministry").
 */
const KNOWN_KINDS: Partial<Record<AliasKind, string[]>> = {
  capital: [
    "Washington", "Moscow", "Beijing", "London", "Paris", "Berlin", "Ankara", "Prague", "Warsaw", "Vilnius", "Riga",
    "Tallinn", "Kyiv", "Kiev", "Minsk", "Tehran", "Pyongyang", "Seoul", "Tokyo", "Caracas", "Damascus", "Ottawa",
    "Canberra", "Brussels", "Rome", "Madrid", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "The Hague", "Vienna",
    "Bern", "Budapest", "Bucharest", "Sofia", "Athens", "Belgrade", "Tbilisi", "Yerevan", "Baku", "Riyadh", "Doha",
    "Abu Dhabi", "Jerusalem", "Cairo", "Havana", "Managua", "New Delhi", "Delhi", "Islamabad", "Kabul", "Baghdad",
    "Tripoli", "Khartoum", "Naypyidaw", "Wellington", "Brasilia", "Brasília", "Mexico City", "Bogotá", "Bogota",
  ],
};
const kindOf = new Map<string, AliasKind>(
  Object.entries(KNOWN_KINDS).flatMap(([kind, list]) => (list ?? []).map((a) => [normaliseAlias(a), kind as AliasKind] as const)),
);
const METONYM = /^the |\b(ministry|department|administration|house|street|palace|square|chancellery|office|kremlin|pentagon|treasury|elysee|élysée|quai|whitehall|zhongnanhai)\b/i;
const DEMONYM = /(ans?|ese|ish|is?|ic|chs?|ots?|eks?|ers?|enes?|ites?|ines?|ons?|ks)$/;

function kindFor(alias: string, names: ReadonlySet<string>): AliasKind {
  const key = normaliseAlias(alias);
  if (names.has(key)) return "name";
  const known = kindOf.get(key);
  if (known) return known;
  if (METONYM.test(alias)) return "metonym";
  // An acronym ("PRC") is a name; one or two words with a demonym's ending ("Russian", "Turks", "North Korean") a demonym.
  if (/^[A-Z]{2,5}$/.test(alias)) return "name";
  if (alias.split(" ").length <= 2 && DEMONYM.test(key) && !/(ia|land|stan)$/.test(key)) return "demonym";
  return "other";
}

function fromGazetteer(): BuiltInStateAliases[] {
  const all = countries.getNames("en", { select: "all" });
  return builtInStateAliases().map((state) => {
    const names = new Set((all[state.isoCode] ?? []).map(normaliseAlias));
    return {
      isoCode: state.isoCode,
      name: state.name,
      // The gazetteer's own name too: a database may call the state otherwise ("Russian Federation" for "Russia").
      aliases: [{ alias: state.name, kind: "name" as const }, ...state.aliases.map((alias) => ({ alias, kind: kindFor(alias, names) }))],
    };
  });
}

/** An alias as a gazetteer may give it: a bare string (a name) or with its kind. */
type SourceAlias = string | { alias: string; kind?: string };

/** Puts any gazetteer's entries into one shape: kinds checked, each alias once per state. */
export function toBuiltInAliases(source: ReadonlyArray<{ isoCode: string; name: string; aliases: readonly SourceAlias[] }>): BuiltInStateAliases[] {
  return source.map((state) => {
    const seen = new Set<string>();
    const aliases: BuiltInAlias[] = [];
    for (const a of state.aliases) {
      const alias = typeof a === "string" ? a : a.alias;
      const kind = typeof a === "string" ? "name" : a.kind && isAliasKind(a.kind) ? a.kind : "other";
      const key = normaliseAlias(alias);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      aliases.push({ alias: alias.trim(), kind });
    }
    return { isoCode: state.isoCode.toUpperCase(), name: state.name, aliases };
  });
}

let cached: BuiltInStateAliases[] | null = null;

/**
 * Every state's built-in aliases, from the drafter's gazetteer (lib/intake/gazetteer.ts:
 * i18n-iso-countries names plus its curated demonyms, capitals and metonyms). The one place
 * that picks the source.
 */
export function builtInAliasSource(): BuiltInStateAliases[] {
  cached ??= toBuiltInAliases(fromGazetteer());
  return cached;
}

import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { isAliasKind, normaliseAlias, type AliasKind } from "@/lib/actors/alias-normalise";

export type BuiltInAlias = { alias: string; kind: AliasKind };
export type BuiltInStateAliases = { isoCode: string; name: string; aliases: BuiltInAlias[] };

countries.registerLocale(en);

/**
 * A few demonyms, capitals and metonyms, until the drafter's gazetteer
 * (lib/intake/gazetteer.ts, branch intake-core) provides the full curated file; then
 * `builtInAliasSource` switches to it.
 */
const CURATED: Record<string, Partial<Record<AliasKind, string[]>>> = {
  US: { demonym: ["American"], capital: ["Washington"], metonym: ["the White House"] },
  RU: { demonym: ["Russian"], capital: ["Moscow"], metonym: ["the Kremlin"] },
  GB: { name: ["Britain"], demonym: ["British"], capital: ["London"], metonym: ["Downing Street", "Whitehall"] },
  CN: { demonym: ["Chinese"], capital: ["Beijing"] },
  TR: { demonym: ["Turkish"], capital: ["Ankara"] },
  FR: { demonym: ["French"], capital: ["Paris"], metonym: ["the Elysee"] },
  DE: { demonym: ["German"], capital: ["Berlin"] },
  UA: { demonym: ["Ukrainian"], capital: ["Kyiv", "Kiev"] },
  IR: { demonym: ["Iranian"], capital: ["Tehran"] },
  KP: { demonym: ["North Korean"], capital: ["Pyongyang"] },
  KR: { demonym: ["South Korean"], capital: ["Seoul"] },
  JP: { demonym: ["Japanese"], capital: ["Tokyo"] },
  CZ: { demonym: ["Czech"], capital: ["Prague"] },
  PL: { demonym: ["Polish"], capital: ["Warsaw"] },
  BY: { demonym: ["Belarusian"], capital: ["Minsk"] },
  VE: { demonym: ["Venezuelan"], capital: ["Caracas"] },
  SY: { demonym: ["Syrian"], capital: ["Damascus"] },
  CA: { demonym: ["Canadian"], capital: ["Ottawa"] },
  AU: { demonym: ["Australian"], capital: ["Canberra"] },
};

function fromIsoCountries(): BuiltInStateAliases[] {
  const all = countries.getNames("en", { select: "all" });
  return Object.entries(all).map(([isoCode, names]) => {
    const curated = CURATED[isoCode] ?? {};
    const aliases: BuiltInAlias[] = [
      ...names.map((alias) => ({ alias, kind: "name" as const })),
      ...Object.entries(curated).flatMap(([kind, list]) => (list ?? []).map((alias) => ({ alias, kind: kind as AliasKind }))),
    ];
    return { isoCode, name: names[0] ?? isoCode, aliases };
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

/** Every state's built-in aliases (the one place that picks the gazetteer). */
export function builtInAliasSource(): BuiltInStateAliases[] {
  cached ??= toBuiltInAliases(fromIsoCountries());
  return cached;
}

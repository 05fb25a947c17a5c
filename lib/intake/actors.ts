/**
 * Actor mentions in a sentence: the built-in gazetteer (states, blocs, organisations) and
 * the database's actors with their aliases (`DraftContext.actors`), matched longest first;
 * people by title ("Foreign Minister Sergey Lavrov") and later by surname ("Lavrov"),
 * proposed as new person actors under their state when the database does not know them.
 */
import { foldText } from "@/lib/text/fold";
import { builtInOrganisationAliases, builtInPersons, builtInStateAliases, nameVariants } from "./gazetteer";
import type { DraftActor, DraftContext } from "./types";

export type KnownActor = Omit<DraftActor, "mention">;

export type ActorMention = {
  actor: KnownActor;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  text: string;
  /** "Russia's", "Russian" before a noun such as "diplomats": names whose thing is meant. */
  possessive: boolean;
  /** Followed by a noun that makes it the object of a measure ("US diplomats", "the Chinese consulate"). */
  objectLike: boolean;
  /** A state that only qualifies a person's title ("Russian" in "Russian Foreign Minister Lavrov"). */
  qualifier: boolean;
  /** For a person, the state mention that qualified it. */
  person: boolean;
};

type Entry = { actor: KnownActor; tokens: AliasToken[] };
type AliasToken = { key: string; exactCase: string | null; capital: boolean };
type Token = { raw: string; key: string; start: number; end: number; possessive: boolean };

const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    let possessive = false;
    if (/['’]s$/i.test(raw)) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (/s['’]$/.test(text.slice(m.index, m.index + raw.length + 1))) {
      possessive = true;
    }
    const start = m.index;
    tokens.push({ raw, key: foldText(raw), start, end: start + raw.length, possessive });
  }
  return tokens;
}

function aliasTokens(alias: string): AliasToken[] {
  const tokens = tokenize(alias);
  if (tokens.length > 1 && tokens[0]?.key === "the") tokens.shift();
  return tokens.map((t) => ({
    key: t.key,
    exactCase: /^[\p{Lu}\p{N}.]{2,5}$/u.test(t.raw) && !/^\p{Lu}\p{Ll}/u.test(t.raw) ? t.raw : null,
    capital: /^\p{Lu}/u.test(t.raw),
  }));
}

const OBJECT_NOUNS = new Set(
  "diplomat diplomats embassy embassies consulate consulates consulate-general ambassador ambassadors envoy envoys staff employees officials official nationals citizens individuals entities companies firms banks lawmakers mps meps spies agents officers personnel mission missions legation journalists businessmen oligarchs attache attaché counterpart counterparts government's military defence defense agency procurement responsibility involvement interference measures barley beef goods exports imports products".split(" "),
);
const SUBJECT_NOUNS = new Set("government foreign ministry ministry president prime leader authorities officials said".split(" "));

const TITLE_RE =
  /\b(?:(?:Deputy|Vice|First|Prime|Foreign|Defen[cs]e|Interior|Finance|Trade|Economy|Justice|Chief|Senior|Acting|Former|former|then-|Secretary-General|Treasury|Home|Commerce|State)\s+)*(?:President|Prime Minister|Minister|Secretary of State|Secretary|Chancellor|Ambassador|ambassador|spokesman|spokeswoman|spokesperson|Senator|Sen\.|Premier|King|Emir|Crown Prince|Envoy|envoy|General|Gen\.|Director|Commissioner|chief|Foreign Secretary|High Representative|Leader|leader|Speaker|Mayor|dissident|opposition leader|activist|businessman|oligarch)\s+((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)/gu;

const NOT_NAMES = new Set(
  "the of and for in on said told has have will would met after his her its their this that office ministry department government council".split(" "),
);

type Layer = Map<string, Entry[]>;

/** Surnames that are also common words or months: never matched alone. */
const SURNAME_STOP = new Set("may rice power brown price young king little long green white black rose hope love grant kim lee".split(" "));

function addTo(layer: Layer, alias: string, actor: KnownActor): void {
  const tokens = aliasTokens(alias);
  const first = tokens[0];
  if (!first) return;
  const list = layer.get(first.key) ?? [];
  const joined = tokens.map((t) => t.key).join(" ");
  if (list.some((e) => e.actor === actor && e.tokens.map((t) => t.key).join(" ") === joined)) return;
  list.push({ actor, tokens });
  // Longest aliases first, so "South Korea" wins over "Korea".
  list.sort((x, y) => y.tokens.length - x.tokens.length);
  layer.set(first.key, list);
}

function surnameOf(name: string): string | null {
  const surname = name.split(/\s+/).at(-1);
  return surname && surname !== name && surname.length >= 4 && !SURNAME_STOP.has(surname.toLowerCase()) ? surname : null;
}

/** The gazetteer's names, indexed once per process (the drafter runs per request). */
let base: { layer: Layer; stateByIso: Map<string, KnownActor> } | null = null;
function baseIndex(): { layer: Layer; stateByIso: Map<string, KnownActor> } {
  if (base) return base;
  const layer: Layer = new Map();
  const stateByIso = new Map<string, KnownActor>();
  for (const state of builtInStateAliases()) {
    const actor: KnownActor = { name: state.name, isoCode: state.isoCode, stateCode: state.isoCode, kind: "state", actorId: null };
    stateByIso.set(state.isoCode, actor);
    for (const alias of [state.name, ...state.aliases]) addTo(layer, alias, actor);
  }
  for (const org of builtInOrganisationAliases()) {
    const actor: KnownActor = { name: org.name, isoCode: null, stateCode: null, kind: org.kind, actorId: null };
    for (const alias of [org.name, ...org.aliases]) addTo(layer, alias, actor);
  }
  for (const person of builtInPersons()) {
    const actor: KnownActor = { name: person.name, isoCode: null, stateCode: person.stateCode, kind: "person", actorId: null };
    for (const alias of [person.name, ...person.aliases]) {
      addTo(layer, alias, actor);
      for (const v of nameVariants(alias)) addTo(layer, v, actor);
    }
  }
  base = { layer, stateByIso };
  return base;
}

/**
 * An index of every name the drafter can resolve: the built-in gazetteer (shared) under the
 * context's actors and aliases and the people met in this article (per article). A
 * gazetteer entry that the context also knows resolves to the context's actor and id.
 */
/** Nouns for people who speak or act for a state: "China's ambassador warned", "US officials said". */
export const SPEAKER_NOUNS = new Set("ambassador envoy spokesman spokeswoman spokesperson officials official minister ministry government president leader authorities".split(" "));

export class ActorIndex {
  private readonly overlay: Layer = new Map();
  private readonly base = baseIndex();
  private readonly contextByKey = new Map<string, KnownActor>();
  private readonly persons: KnownActor[] = [];

  constructor(context: DraftContext) {
    for (const a of context.actors) {
      const actor: KnownActor = {
        name: a.name,
        isoCode: a.isoCode,
        stateCode: a.kind === "state" ? (a.isoCode ?? a.stateCode) : (a.stateCode ?? a.isoCode),
        kind: a.kind,
        actorId: a.id,
      };
      this.contextByKey.set(a.kind === "state" && a.isoCode ? `iso:${a.isoCode}` : `name:${a.kind === "person" ? "person" : "org"}:${foldText(a.name)}`, actor);
      const names = [a.name, ...a.aliases];
      if (a.kind === "person") {
        for (const n of [...names]) names.push(...nameVariants(n));
        this.persons.push(actor);
        const surname = surnameOf(a.name);
        if (surname) names.push(surname);
      }
      for (const n of names) addTo(this.overlay, n, actor);
    }
  }

  /** A gazetteer actor as the context knows it (its recorded name and id), else as built in. */
  private resolve(actor: KnownActor): KnownActor {
    if (actor.actorId !== null) return actor;
    const key = actor.kind === "state" && actor.isoCode ? `iso:${actor.isoCode}` : `name:${actor.kind === "person" ? "person" : "org"}:${foldText(actor.name)}`;
    return this.contextByKey.get(key) ?? actor;
  }

  private entries(key: string): Entry[] {
    const own = this.overlay.get(key);
    const shared = this.base.layer.get(key);
    if (!own) return shared ?? [];
    if (!shared) return own;
    return [...own, ...shared].sort((x, y) => y.tokens.length - x.tokens.length);
  }

  state(isoCode: string | null): KnownActor | null {
    const state = isoCode ? this.base.stateByIso.get(isoCode) : undefined;
    return state ? this.resolve(state) : null;
  }

  /** A person first met in this article: later mentions by surname resolve to it. */
  addPerson(name: string, stateCode: string | null): KnownActor {
    const existing = this.persons.find((p) => foldText(p.name) === foldText(name));
    if (existing) return existing;
    const actor: KnownActor = { name, isoCode: null, stateCode, kind: "person", actorId: null };
    this.persons.push(actor);
    addTo(this.overlay, name, actor);
    for (const v of nameVariants(name)) addTo(this.overlay, v, actor);
    const surname = surnameOf(name);
    if (surname) addTo(this.overlay, surname, actor);
    return actor;
  }

  /** Every actor mention in a sentence, in text order, without overlaps. */
  mentions(sentence: string): ActorMention[] {
    const tokens = tokenize(sentence);
    const found: ActorMention[] = [];
    const taken = new Set<number>();
    // People by title first: "Foreign Minister Sergey Lavrov".
    for (const m of sentence.matchAll(TITLE_RE)) {
      const nameText = m[1] ?? "";
      const nameStart = (m.index ?? 0) + m[0].length - nameText.length;
      const words = nameText.split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase()));
      if (words.length === 0) continue;
      const cleanName = words.join(" ").replace(/['’]s$/, "");
      const resolved = this.resolveExact(cleanName);
      if (resolved && resolved.kind !== "person") continue; // "President Putin of Russia" handled by tokens; "Minister Russia" is not a name
      const titleStart = m.index ?? 0;
      const stateCode = resolved?.stateCode ?? this.stateBefore(sentence, tokens, titleStart) ?? this.nearestState(sentence, titleStart);
      const actor = resolved ?? (words.length >= 2 ? this.addPerson(cleanName, stateCode) : null);
      if (!actor) continue;
      const end = nameStart + cleanName.length;
      for (const t of tokens) if (t.start >= nameStart && t.start < end) taken.add(t.start);
      found.push({ actor, start: nameStart, end, text: sentence.slice(nameStart, end), possessive: false, objectLike: false, qualifier: false, person: true });
    }
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token || taken.has(token.start)) continue;
      const entries = this.entries(token.key);
      if (!entries) continue;
      for (const entry of entries) {
        const n = entry.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const t = tokens[i + k];
          const a = entry.tokens[k];
          if (!t || !a || t.key !== a.key || taken.has(t.start)) ok = false;
          else if (a.exactCase !== null && t.raw !== a.exactCase) ok = false;
          else if (a.capital && !/^\p{Lu}/u.test(t.raw)) ok = false;
          else if (k < n - 1 && t.possessive) ok = false;
        }
        if (!ok) continue;
        const last = tokens[i + n - 1];
        if (!last) continue;
        const next = tokens[i + n];
        // "Washington Post", "Moscow Times": publishers, not governments.
        if (next && /^(Post|Times|Journal|Herald|Telegraph|Tribune)$/.test(next.raw) && /^\p{Lu}/u.test(next.raw)) break;
        const nextKey = next?.key ?? "";
        const mention: ActorMention = {
          actor: this.resolve(entry.actor),
          start: token.start,
          end: last.end,
          text: sentence.slice(token.start, last.end),
          possessive: last.possessive,
          objectLike:
            OBJECT_NOUNS.has(nextKey) ||
            (last.possessive && next !== undefined && /^\p{Ll}/u.test(next.raw) && !SUBJECT_NOUNS.has(nextKey)) ||
            (next !== undefined && /^\p{Ll}/u.test(next.raw) && !/(?:ed|s)$/.test(next.raw) && OBJECT_NOUNS.has(tokens[i + n + 1]?.key ?? "")),
          qualifier: false,
          person: entry.actor.kind === "person",
        };
        found.push(mention);
        for (let k = 0; k < n; k++) {
          const t = tokens[i + k];
          if (t) taken.add(t.start);
        }
        i += n - 1;
        break;
      }
    }
    found.sort((a, b) => a.start - b.start);
    // A state right before a person's title qualifies the person: "Russian Foreign Minister Sergey Lavrov".
    for (let k = 0; k + 1 < found.length; k++) {
      const a = found[k];
      const b = found[k + 1];
      if (!a || !b || !b.person || a.actor.kind !== "state") continue;
      const between = sentence.slice(a.end, b.start);
      if (/^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,4}$/u.test(between) && !/\b(and|said|told|with|by|against|on)\b/.test(between)) {
        a.qualifier = true;
        if (b.actor.stateCode === null && b.actor.actorId === null) b.actor.stateCode = a.actor.isoCode;
      }
    }
    return found;
  }

  private resolveExact(name: string): KnownActor | null {
    const tokens = tokenize(name);
    const first = tokens[0];
    if (!first) return null;
    for (const entry of this.entries(first.key)) {
      if (entry.tokens.length === tokens.length && entry.tokens.every((t, k) => t.key === tokens[k]?.key)) return this.resolve(entry.actor);
    }
    return null;
  }

  /** The last state named anywhere before a position ("eight US officials, among them Attorney General Merrick Garland"). */
  private nearestState(sentence: string, index: number): string | null {
    const words = tokenize(sentence.slice(0, index));
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k];
      if (!w) continue;
      for (const entry of this.entries(w.key)) {
        if (entry.tokens.length === 1 && entry.actor.kind === "state" && (entry.tokens[0]?.exactCase === null || entry.tokens[0]?.exactCase === w.raw) && (!entry.tokens[0]?.capital || /^\p{Lu}/u.test(w.raw))) return entry.actor.isoCode;
      }
    }
    return null;
  }

  /** The state named in the few words before a title: "Russian", "Russia's", "the US". */
  private stateBefore(sentence: string, _tokens: Token[], index: number): string | null {
    const before = sentence.slice(Math.max(0, index - 40), index);
    const words = tokenize(before).slice(-3);
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k];
      if (!w) continue;
      for (const entry of this.entries(w.key)) {
        if (entry.tokens.length === 1 && entry.actor.kind === "state" && (entry.tokens[0]?.exactCase === null || entry.tokens[0]?.exactCase === w.raw)) return entry.actor.isoCode;
      }
    }
    return null;
  }
}

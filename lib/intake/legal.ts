/**
 * Legal bases named in a sentence: CAATSA and its section, US executive orders, the
 * (Global) Magnitsky Acts, EU Council Decisions (CFSP) and Regulations (EU), national
 * decrees and other sanctions laws. A basis already recorded in the database is reused
 * with its recorded spelling when it names the same instrument.
 */
import { foldText } from "@/lib/text/fold";

export type LegalBasisMention = { text: string; basis: string; start: number; end: number };

type Pattern = { re: RegExp; format: (m: RegExpExecArray) => string };

const PATTERNS: Pattern[] = [
  {
    re: /\b(?:(?:Section|Sec\.)\s*(\d{3}[A-Za-z]?)\s+of\s+(?:the\s+)?)?(?:Countering America['’]s Adversaries Through Sanctions Act|CAATSA)(?:\s*\((?:CAATSA)\))?(?:['’]s)?(?:,?\s*(?:Section|Sec\.)\s*(\d{3}[A-Za-z]?))?/g,
    format: (m) => (m[1] || m[2] ? `CAATSA Section ${m[1] || m[2]}` : "CAATSA"),
  },
  {
    re: /\b(?:Executive Order|executive order|E\.\s?O\.|EO)\s*(?:No\.?\s*|Number\s*)?(1\d{4})\b/g,
    format: (m) => `Executive Order ${m[1]}`,
  },
  {
    re: /\bGlobal Magnitsky(?: Human Rights Accountability Act| Act| sanctions| programme| program)?\b/g,
    format: () => "Global Magnitsky Act",
  },
  { re: /\b(?<!Global )Magnitsky Act\b/g, format: () => "Magnitsky Act" },
  {
    re: /\b(?:the\s+)?(?:UK['’]s\s+|EU['’]s\s+)?Global Human Rights (?:Sanctions )?(?:Regulations(?: 2020)?|[Rr]egime)\b/g,
    format: (m) => (/Regulations/.test(m[0]) ? "Global Human Rights Sanctions Regulations 2020" : "EU Global Human Rights Sanctions Regime"),
  },
  {
    re: /\bCouncil (Implementing )?Decision \(CFSP\)\s*(?:No\.?\s*)?(\d{4}\/\d{1,5})/g,
    format: (m) => `Council ${m[1] ? "Implementing " : ""}Decision (CFSP) ${m[2]}`,
  },
  {
    re: /\b(?:Council )?(Implementing )?Regulation \(EU\)\s*(No\.?\s*)?(\d{1,4}\/\d{2,4})/g,
    format: (m) => `${m[1] ? "Council Implementing " : "Council "}Regulation (EU) ${m[2] ? "No " : ""}${m[3]}`,
  },
  {
    re: /\b((?:Presidential|Government|Executive|Royal)\s+)?[Dd]ecree\s+(?:No\.?|Number|#)\s*(\d+(?:[-/]\d+)?)/g,
    format: (m) => `${m[1] ? `${m[1].trim()} ` : ""}Decree No. ${m[2]}`,
  },
  {
    re: /\b((?:[A-Z][\p{L}'’-]*\s+(?:and\s+|of\s+|on\s+)?){1,7}(?:Act|Law))(?:\s+(?:of\s+)?(\d{4}))?\b/gu,
    format: (m) => `${(m[1] ?? "").trim()}${m[2] ? ` ${m[2]}` : ""}`,
  },
];

const LAW_WORDS = /Sanction|Autonomy|Accountability|Measures|Human Rights|Countering|Foreign|Magnitsky|Emergency|Economic Powers|Anti-Money/;

function normaliseKey(basis: string): string {
  return foldText(basis)
    .replace(/\bthe\b|\bno\.?\b|\bnumber\b/g, "")
    .replace(/[^\p{L}\p{N}/]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The legal bases a sentence names, in text order, each once. */
export function findLegalBases(sentence: string, known: readonly string[] = []): LegalBasisMention[] {
  const found: LegalBasisMention[] = [];
  const knownByKey = new Map(known.map((k) => [normaliseKey(k), k]));
  const overlaps = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  for (const { re, format } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (overlaps(start, end)) continue;
      let basis = format(m);
      if (re === PATTERNS[PATTERNS.length - 1]?.re) {
        basis = basis.replace(/^(?:The|Under|Under the|Its|A)\s+/, "").replace(/^\p{Lu}[\p{L}.]*['’]s\s+/u, "");
        if (!LAW_WORDS.test(basis) || basis.split(/\s+/).length < 2) continue;
      }
      const key = normaliseKey(basis);
      // "Decree No. 243" is the recorded "Presidential Decree No. 243": same instrument, same number.
      basis = knownByKey.get(key) ?? (/\d/.test(key) ? [...knownByKey].find(([k]) => k.endsWith(` ${key}`))?.[1] : undefined) ?? basis;
      found.push({ text: m[0], basis, start, end });
    }
  }
  // A recorded basis written out literally in the sentence counts too.
  const folded = foldText(sentence);
  for (const k of known) {
    const fk = foldText(k);
    if (fk.length >= 5 && folded.includes(fk) && !found.some((f) => f.basis === k)) {
      const start = folded.indexOf(fk);
      if (!overlaps(start, start + fk.length)) found.push({ text: sentence.slice(start, start + fk.length), basis: k, start, end: start + fk.length });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((f) => (seen.has(f.basis) ? false : (seen.add(f.basis), true)));
}

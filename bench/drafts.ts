/**
 * `npm run bench:drafts`: scores the rule drafter against the annotated articles in
 * bench/drafts/ (index.json marks the held-out ones, never used to tune the rules) and
 * times it, including a generated 5,000-word article. Prints per-field and overall recall
 * and precision for the tuned and held-out sets, the tit-for-tat pairs offered, and the
 * time per article. Not a test: it measures; the targets are in docs/intake.md.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { draftArticle } from "../lib/intake/drafter";
import type { Draft, DraftContext } from "../lib/intake/types";

const DIR = path.join(import.meta.dirname, "drafts");
type Expected = { id: string; date: string; precision: string; type: string; initiators: string[]; targets: string[]; respondsTo?: string[] };
type Annotation = { published: string; events: Expected[] };
type IndexFile = { articles: Array<{ name: string; heldOut: boolean; round?: number }> };

const context: DraftContext = { actors: [], legalBases: [] };
// --verbose: every miss; --verbose-tuned: the misses of the tuned articles only (what rule changes may look at).
const verboseFlag = process.argv.includes("--verbose");
const verboseTunedFlag = process.argv.includes("--verbose-tuned");
let verbose = verboseFlag;

function keys(actors: Draft["initiators"]): string[] {
  return [...new Set(actors.map((a) => a.stateCode ?? a.isoCode ?? a.name))].sort();
}
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

type Score = { expected: number; drafts: number; matched: number; date: number; type: number; initiators: number; targets: number; all: number; pairs: number; pairsOffered: number };
const empty = (): Score => ({ expected: 0, drafts: 0, matched: 0, date: 0, type: 0, initiators: 0, targets: 0, all: 0, pairs: 0, pairsOffered: 0 });

function score(events: Expected[], drafts: Draft[], name: string): Score {
  const s = empty();
  s.expected = events.length;
  s.drafts = drafts.length;
  const pairs: Array<{ e: number; d: number; points: number }> = [];
  events.forEach((e, ei) =>
    drafts.forEach((d, di) => {
      const dateOk = d.date === e.date && d.datePrecision === e.precision;
      const typeOk = d.type === e.type;
      const initOk = sameSet(keys(d.initiators), e.initiators);
      const targOk = sameSet(keys(d.targets), e.targets);
      const overlap = keys(d.initiators).some((k) => e.initiators.includes(k));
      if (!dateOk && !(typeOk && overlap && d.date.slice(0, 4) === e.date.slice(0, 4))) return;
      pairs.push({ e: ei, d: di, points: (dateOk ? 2 : 0) + (typeOk ? 1.5 : 0) + (initOk ? 1 : 0) + (targOk ? 1 : 0) + (overlap ? 0.5 : 0) });
    }),
  );
  pairs.sort((a, b) => b.points - a.points);
  const eTo = new Map<number, number>();
  const dUsed = new Set<number>();
  for (const p of pairs) {
    if (eTo.has(p.e) || dUsed.has(p.d)) continue;
    eTo.set(p.e, p.d);
    dUsed.add(p.d);
  }
  s.matched = dUsed.size;
  events.forEach((e, ei) => {
    const di = eTo.get(ei);
    const d = di === undefined ? undefined : drafts[di];
    if (!d) {
      if (verbose) console.error(`  MISS ${name} ${e.id} ${e.date} ${e.type} ${e.initiators}->${e.targets}`);
      return;
    }
    const dateOk = d.date === e.date && d.datePrecision === e.precision;
    const typeOk = d.type === e.type;
    const initOk = sameSet(keys(d.initiators), e.initiators);
    const targOk = sameSet(keys(d.targets), e.targets);
    s.date += dateOk ? 1 : 0;
    s.type += typeOk ? 1 : 0;
    s.initiators += initOk ? 1 : 0;
    s.targets += targOk ? 1 : 0;
    s.all += dateOk && typeOk && initOk && targOk ? 1 : 0;
    if (verbose && !(dateOk && typeOk && initOk && targOk))
      console.error(`  PART ${name} ${e.id}: want ${e.date}/${e.precision} ${e.type} ${e.initiators}->${e.targets}; got ${d.date}/${d.datePrecision} ${d.type} ${keys(d.initiators)}->${keys(d.targets)}`);
  });
  if (verbose) drafts.forEach((d, di) => dUsed.has(di) || console.error(`  SPURIOUS ${name} #${di} ${d.date} ${d.type} ${keys(d.initiators)}->${keys(d.targets)} | ${d.evidence.slice(0, 90)}`));
  const idIndex = new Map(events.map((e, i) => [e.id, i]));
  events.forEach((e, ei) => {
    for (const earlierId of e.respondsTo ?? []) {
      s.pairs++;
      const later = eTo.get(ei);
      const earlierE = idIndex.get(earlierId);
      const earlier = earlierE === undefined ? undefined : eTo.get(earlierE);
      const offered = later !== undefined && earlier !== undefined && (drafts[later]?.respondsTo ?? []).some((c) => c.draftIndex === earlier);
      if (offered) s.pairsOffered++;
      else if (verbose) console.error(`  PAIR NOT OFFERED ${name} ${e.id} -> ${earlierId}`);
    }
  });
  return s;
}

function add(a: Score, b: Score): Score {
  const out = empty();
  for (const k of Object.keys(out) as Array<keyof Score>) out[k] = a[k] + b[k];
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function report(label: string, s: Score): void {
  console.log(`\n${label}: ${s.expected} stated events, ${s.drafts} drafts`);
  console.log(`  recall  date+precision ${pct(s.date, s.expected)}   type ${pct(s.type, s.expected)}   initiators ${pct(s.initiators, s.expected)}   targets ${pct(s.targets, s.expected)}`);
  console.log(`  recall  date+type+initiators+targets ${pct(s.all, s.expected)}`);
  console.log(`  precision (drafts matching a stated event) ${pct(s.matched, s.drafts)}   spurious ${s.drafts - s.matched} per ${s.all} fully correct (${s.all === 0 ? "n/a" : ((s.drafts - s.matched) / s.all).toFixed(2)})`);
  console.log(`  responds-to pairs offered ${s.pairsOffered}/${s.pairs}`);
}

const index = JSON.parse(fs.readFileSync(path.join(DIR, "index.json"), "utf8")) as IndexFile;
let tuned = empty();
let held = empty();
/** Held out by round: 1 = annotated with the first articles; 2 = written for the accuracy round, before any drafter run. */
const heldByRound = new Map<number, Score>();
let tunedTyped = empty();
let heldTyped = empty();
const times: number[] = [];
const texts: string[] = [];
for (const article of index.articles) {
  const text = fs.readFileSync(path.join(DIR, `${article.name}.txt`), "utf8");
  texts.push(text);
  verbose = verboseFlag || (verboseTunedFlag && !article.heldOut);
  const annotation = JSON.parse(fs.readFileSync(path.join(DIR, `${article.name}.json`), "utf8")) as Annotation;
  const started = performance.now();
  const { drafts } = draftArticle({ text, published: annotation.published }, context, { today: "2026-12-31" });
  times.push(performance.now() - started);
  const s = score(annotation.events, drafts, article.name);
  // The same scoring without the events of type "other" (a killing, a poisoning), which have no cue lexicon.
  verbose = false;
  const typed = score(annotation.events.filter((e) => e.type !== "other"), drafts, "");
  verbose = verboseFlag || (verboseTunedFlag && !article.heldOut);
  if (article.heldOut) {
    held = add(held, s);
    const round = article.round ?? 1;
    heldByRound.set(round, add(heldByRound.get(round) ?? empty(), s));
    heldTyped = add(heldTyped, typed);
  } else {
    tuned = add(tuned, s);
    tunedTyped = add(tunedTyped, typed);
  }
  console.log(`${article.heldOut ? "held-out" : "tuned   "} ${article.name.padEnd(28)} events ${String(s.expected).padStart(2)} drafts ${String(s.drafts).padStart(2)} all-correct ${String(s.all).padStart(2)} date ${String(s.date).padStart(2)} pairs ${s.pairsOffered}/${s.pairs}`);
}
report(`Tuned (${index.articles.filter((a) => !a.heldOut).length} articles)`, tuned);
report(`Held out (${index.articles.filter((a) => a.heldOut).length} articles)`, held);
for (const [round, score] of [...heldByRound.entries()].sort((a, b) => a[0] - b[0])) {
  const n = index.articles.filter((a) => a.heldOut && (a.round ?? 1) === round).length;
  report(`Held out, round ${round} (${n} articles${round === 1 ? ", the first set" : ", written and annotated before any drafter run"})`, score);
}
report("Overall", add(tuned, held));
report("Held out, events of the typed vocabulary only (without 'other')", heldTyped);
report("Tuned, events of the typed vocabulary only (without 'other')", tunedTyped);

// Timing: a generated 5,000-word article made of the fixtures' paragraphs in a fixed order.
const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.split(/\s+/).length > 20);
const big: string[] = [];
let words = 0;
for (let i = 0; words < 5000; i++) {
  const p = paragraphs[(i * 7) % paragraphs.length] ?? "";
  big.push(p);
  words += p.split(/\s+/).length;
}
const bigText = big.join("\n\n");
const runs: number[] = [];
draftArticle({ text: bigText, published: "2021-06-30" }, context, { today: "2026-12-31" });
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  draftArticle({ text: bigText, published: "2021-06-30" }, context, { today: "2026-12-31" });
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);
const sortedTimes = [...times].sort((a, b) => a - b);
console.log(`\nTime per fixture article (300-500 words): median ${sortedTimes[Math.floor(sortedTimes.length / 2)]?.toFixed(1)} ms, max ${sortedTimes.at(-1)?.toFixed(1)} ms (first includes warm-up)`);
console.log(`Generated ${words}-word article, 20 runs: median ${runs[10]?.toFixed(0)} ms, p95 ${runs[Math.ceil(0.95 * runs.length) - 1]?.toFixed(0)} ms`);

/**
 * Cue lexicons: the words that make a clause an event of a type (docs/event-types.md),
 * the modality that turns sanctions into a threat, the sanction measures a clause names,
 * and the phrases that say one event answers another.
 */
import type { EventType, SanctionMeasure } from "@/lib/events/vocabulary";

export type TypeCue = { type: EventType; start: number; end: number; text: string; strength: number };

type Lexeme = { type: EventType; re: RegExp; strength?: number };

const W = "[^.;:]{0,60}?";
const LEXICON: Lexeme[] = [
  // Expulsions and closures of missions.
  { type: "diplomatic-expulsion", re: /\bexpel(?:s|led|ling)?\b/gi },
  { type: "diplomatic-expulsion", re: /\bexpulsions?\b/gi },
  { type: "diplomatic-expulsion", re: /\b(?:declar(?:ed|es|ing)|declare)\b[^.;]{0,80}?\bpersonae? non gratae?\b/gi, strength: 3 },
  { type: "diplomatic-expulsion", re: /\bpersonae? non gratae?\b/gi },
  { type: "diplomatic-expulsion", re: new RegExp(`\\b(?:order(?:ed|s|ing)?|told|tells|tell|instruct(?:ed|s)?|gave|give|gives|asked)\\b${W}\\b(?:to (?:leave|depart|quit|vacate|close|cut|reduce)|to shut)\\b`, "gi"), strength: 2 },
  { type: "diplomatic-expulsion", re: /\b(?:clos(?:e|ed|es|ing)|shut(?:s|ting)?(?: down)?|closure of)\b[^.;]{0,50}?\b(?:consulates?(?: general)?|embass(?:y|ies)|missions?)\b/gi, strength: 2 },
  { type: "diplomatic-expulsion", re: /\bkick(?:ed|s)? out\b/gi },
  { type: "diplomatic-expulsion", re: /\bwithdr(?:ew|aw|awing|awn)\b[^.;]{0,30}?\baccreditation\b/gi, strength: 2 },
  { type: "diplomatic-expulsion", re: /\btook over the premises\b/gi, strength: 2 },
  { type: "diplomatic-expulsion", re: /\border(?:ed|s|ing)?\b[^.;]{0,40}?\b(?:diplomats?|envoys?|attach[eé]s?|staff|officials?|officers?)\s+out\b/gi, strength: 2 },
  // Ambassadors and relations.
  { type: "ambassador-recalled", re: /\brecall(?:ed|s|ing)?\b[^.;]{0,40}?\b(?:ambassadors?|envoys?)\b/gi, strength: 3 },
  { type: "ambassador-recalled", re: /\b(?:ambassadors?|envoys?)\b[^.;]{0,50}?\b(?:was|were|been|being|is)\s+recalled\b/gi, strength: 3 },
  { type: "ambassador-recalled", re: /\b(?:ambassadors?|envoys?)\b[^.;]{0,60}?\brecalled\b/gi, strength: 2 },
  { type: "ambassador-recalled", re: /\bwithdr(?:ew|aw|awing|awn)\b[^.;]{0,30}?\b(?:ambassadors?|envoys?)\b/gi, strength: 3 },
  { type: "ambassador-recalled", re: /\bdowngrad(?:e|ed|es|ing)\b[^.;]{0,30}?\b(?:relations|ties)\b/gi, strength: 3 },
  { type: "ambassador-recalled", re: /\b(?:broke|break|breaks|broken|sever(?:ed|s)?|cut)\b(?: off)?\s+(?:diplomatic )?(?:relations|ties)\b/gi, strength: 3 },
  { type: "ambassador-recalled", re: /\b(?:ambassadors?|envoys?)\b[^.;]{0,40}?\b(?:left|leave)\b[^.;]{0,30}\b(?:after|home)\b/gi, strength: 1 },
  // Sanctions eased.
  { type: "sanctions-eased", re: /\b(?:lift(?:ed|s|ing)?|eas(?:ed|es|ing|e)|waiv(?:ed|es|ing)|suspend(?:ed|s|ing)?|relax(?:ed|es|ing)?|remov(?:ed|es|ing))\b[^.;]{0,40}?\bsanctions\b/gi, strength: 3 },
  { type: "sanctions-eased", re: /\bdelist(?:ed|s|ing)?\b/gi, strength: 2 },
  { type: "sanctions-eased", re: /\bsanctions relief\b/gi, strength: 2 },
  // Threats.
  { type: "sanctions-threatened", re: /\bthreat(?:en(?:ed|s|ing)?)?\b[^.;]{0,50}?\b(?:sanctions|penalties|embargo|tariffs|boycott)\b/gi, strength: 3 },
  { type: "sanctions-threatened", re: /\bwarn(?:ed|s|ing)?\b[^.;]{0,80}?\b(?:sanctions|penalties|embargo|tariffs|boycott)\b/gi, strength: 3 },
  { type: "sanctions-threatened", re: /\b(?:could|may|might|would|will) face\b[^.;]{0,30}?\b(?:sanctions|penalties)\b/gi, strength: 3 },
  { type: "sanctions-threatened", re: /\bprepare\b[^.;]{0,30}?\bsanctions\b/gi, strength: 3 },
  { type: "sanctions-threatened", re: /\bcould boycott\b/gi, strength: 3 },
  // Sanctions and designations.
  { type: "sanctions-imposed", re: /\bimpos(?:ed|es|ing|e)\b[^.;]{0,60}?\b(?:sanctions|restrictions|embargo|bans?|tariffs|duties|penalties|asset freezes|measures)\b/gi, strength: 2 },
  { type: "sanctions-imposed", re: /\b(?:sanctions|duties|tariffs|restrictions)\b[^.;]{0,30}?\b(?:were|was|are|have been|had been)\s+(?:\w+\s+)?imposed\b/gi, strength: 2 },
  { type: "sanctions-imposed", re: /\bsanction(?:ed|s|ing)\b(?=\s+(?:\d|[A-Z]|the|two|three|four|five|six|seven|eight|nine|ten|its|their|several|dozens|more))/g, strength: 2 },
  { type: "sanctions-imposed", re: /\b(?:new |fresh |further |economic |financial |sweeping |matching )?sanctions (?:on|against)\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the same day|\d))/gi },
  { type: "sanctions-imposed", re: /\b(?:adopt(?:ed|s|ing)?|approv(?:ed|es|ing)|agreed)\b[^.;]{0,40}?\b(?:packages? of sanctions|sanctions packages?)\b/gi, strength: 2 },
  { type: "sanctions-imposed", re: /\bslapp?(?:ed|s|ing)?\b[^.;]{0,30}?\b(?:sanctions|tariffs)\b/gi, strength: 2 },
  { type: "sanctions-imposed", re: /\bfr(?:oze|eeze|ozen|eezes|eezing)\b[^.;]{0,30}?\bassets\b/gi },
  { type: "sanctions-imposed", re: /\b(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|ban(?:ned|s)?|block(?:ed|s)?)\b[^.;]{0,30}?\b(?:imports?|exports?)\b/gi, strength: 2 },
  { type: "sanctions-imposed", re: /\b(?:arms|trade|oil) embargo\b/gi },
  { type: "sanctions-imposed", re: /\bremov(?:ed|es|ing)\b[^.;]{0,30}?\bfrom the\b[^.;]{0,30}?\bprogra(?:m|mme)\b/gi, strength: 2 },
  { type: "designation", re: /\bblacklist(?:ed|s|ing)?\b/gi, strength: 2 },
  { type: "designation", re: /\bdesignat(?:ed|es|ing)\b/gi, strength: 2 },
  { type: "designation", re: /\badd(?:ed|s|ing)?\b[^.;]{0,60}?\b(?:list|blacklist|Entity List)\b/gi, strength: 2 },
  { type: "designation", re: /\b(?:bar(?:red|s|ring)?|ban(?:ned|s|ning)?)\b[^.;]{0,80}?\bfrom entering\b/gi, strength: 3 },
  { type: "designation", re: /\b(?:extend(?:ed|s|ing)?|expand(?:ed|s|ing)?)\b[^.;]{0,30}?\blist\b[^.;]{0,40}?\b(?:banned|barred)\b/gi, strength: 3 },
  { type: "designation", re: /\bcounter-?sanctions\b/gi, strength: 1 },
  { type: "designation", re: /\b(?:entry|travel|visa) bans?\b/gi },
  // Countermeasures.
  { type: "countermeasure", re: /\b(?:sign(?:ed|s|ing)?|issu(?:ed|es|ing)|adopt(?:ed|s|ing)?|pass(?:ed|es|ing)?|enact(?:ed|s|ing)?|approv(?:ed|es|ing)?)\b[^.;]{0,40}?\b(?:decree|law|legislation|regulation)\b/gi, strength: 2 },
  { type: "countermeasure", re: /\b(?:designat(?:ed|es|ing)|list(?:ed|s|ing)?|nam(?:ed|es|ing)|includ(?:ed|es|ing))\b[^.;]{0,50}?["“]?unfriendly["”]? (?:countries|states|nations)\b/gi, strength: 4 },
  // Statements and protests.
  { type: "statement", re: /\bcondemn(?:ed|s|ing)?\b/gi },
  { type: "statement", re: /\bdenounc(?:ed|es|ing)\b/gi },
  { type: "statement", re: /\bprotest(?:ed|s)?\b(?! (?:against|at) (?:the )?(?:counter|sanction))/gi },
  { type: "statement", re: /\blodg(?:ed|e|es|ing)\b[^.;]{0,20}?\bprotests?\b/gi, strength: 2 },
  { type: "statement", re: /\bsummon(?:ed|s|ing)?\b/gi },
  { type: "statement", re: /\baccus(?:ed|es|ing)\b/gi },
  { type: "statement", re: /\bcriticis(?:ed|es|ing)|criticiz(?:ed|es|ing)\b/gi },
  { type: "statement", re: /\brejected\b/gi },
  { type: "statement", re: /\b(?:called|calls|call|calling) for\b[^.;]{0,40}?\b(?:inquiry|investigation)\b/gi, strength: 2 },
  { type: "statement", re: /\b(?:called|described|branded)\b[^.;]{0,60}?\b(?:unacceptable|unfriendly|groundless|baseless|a mistake|grave mistake|absurd|illegal|shocking|provocation|hostile|bandit|killer)\b/gi, strength: 2 },
  { type: "statement", re: /\bissued a (?:joint )?statement\b/gi, strength: 2 },
  { type: "statement", re: /\b(?:said|says)\b[^.;]{0,80}?\b(?:regretted|relations|ties|worse|cold war|hostile|unfounded|unjustified|unjustifiable|intimidated|killer|stood with)\b/gi, strength: 1 },
  { type: "statement", re: /\bwrote on social media\b/gi, strength: 1 },
  { type: "statement", re: /\bgave a speech\b/gi, strength: 2 },
  { type: "statement", re: /\bannounced the (?:meeting|summit|plan)\b/gi, strength: 2 },
  { type: "statement", re: /\bin an interview\b/gi, strength: 1 },
  // Dated incidents of the vocabulary's "other" type (docs/decisions/0011): violence against
  // people (a killing, a poisoning), an invasion or annexation, an arrest or charges for
  // spying, a weapons test. Weakest cues: any typed cue of the same clause wins.
  { type: "other", re: /\b(?:poison(?:ed|ing)|assassinat(?:ed|ion of)|murder(?:ed|ing)?|shot dead|killing of)\b/gi, strength: 0.5 },
  { type: "other", re: /\b(?:inva(?:ded|des|ding)|invasion of|annex(?:ed|es|ing)|annexation of)\b/gi, strength: 0.5 },
  { type: "other", re: /\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)|indict(?:ed|s|ing)|charged)\b(?=[^.;]{0,120}?\b(?:spy(?:ing)?|espionage|secrets|classified|hacking|intelligence|documents)\b)/gi, strength: 0.5 },
  { type: "other", re: /\btest-?fir(?:ed|es|ing)\b/gi, strength: 0.5 },
  // Meetings.
  { type: "meeting", re: /\bmet\b/gi, strength: 2 },
  { type: "meeting", re: /\b(?:will|to|would) meet\b/gi, strength: 2 },
  { type: "meeting", re: /\b(?:held|hold|holds|holding) talks\b/gi, strength: 2 },
  { type: "meeting", re: /\bsummit\b/gi },
  { type: "meeting", re: /\bvisit(?:ed|s)\b/gi },
  { type: "meeting", re: /\b(?:phone call|telephone call|spoke by (?:tele)?phone|spoke on the phone)\b/gi, strength: 2 },
  { type: "meeting", re: /\b(?:are due|is due|are expected|is expected|to)\s+(?:to )?discuss\b/gi, strength: 2 },
  { type: "meeting", re: /\bbegan debating\b/gi, strength: 2 },
  { type: "meeting", re: /\bwill meet\b|\bto meet\b/gi, strength: 2 },
  // Agreements.
  { type: "agreement", re: /\bsign(?:ed|s|ing)?\b[^.;]{0,40}?\b(?:agreement|treaty|deal|memorandum|accord|pact|contract)\b/gi, strength: 2 },
  { type: "agreement", re: /\b(?:concluded|reached|struck)\b[^.;]{0,30}?\b(?:agreement|deal|accord)\b|\b(?:agreement|deal)\b[^.;]{0,60}?\bconcluded\b/gi, strength: 2 },
  { type: "agreement", re: /\bagreed (?:that|to)\b/gi },
  { type: "agreement", re: /\bconcluded in principle\b/gi, strength: 2 },
  // Arms transfers.
  { type: "arms-transfer", re: /\b(?:purchas(?:e|ed|es|ing)|bought|buy(?:s|ing)?|acquir(?:ed|e|es|ing)|acquisition|deliver(?:ed|y|ies|s)?|sold|sell(?:s|ing)?|sale|supplied|took delivery)\b[^.;]{0,50}?\b(?:S-400s?|S-300|missiles?|weapons|arms|jets|fighters?|air defen[cs]e|drones|F-35s?|F-16s?|tanks|howitzers|components)\b/gi, strength: 2 },
  { type: "arms-transfer", re: /\bagreed the purchase\b/gi, strength: 3 },
  { type: "arms-transfer", re: /\btook delivery of\b/gi, strength: 2 },
  { type: "arms-transfer", re: /\barms (?:deal|sale)s?\b/gi, strength: 2 },
];

/** Cues of the lexicon in a clause, overlapping weaker ones removed. */
export function findTypeCues(clause: string): TypeCue[] {
  const found: TypeCue[] = [];
  for (const lex of LEXICON) {
    lex.re.lastIndex = 0;
    for (let m = lex.re.exec(clause); m; m = lex.re.exec(clause)) {
      found.push({ type: lex.type, start: m.index, end: m.index + m[0].length, text: m[0], strength: lex.strength ?? 1 });
      if (m[0].length === 0) lex.re.lastIndex++;
    }
  }
  found.sort((a, b) => b.strength - a.strength || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TypeCue[] = [];
  for (const cue of found) {
    if (kept.some((k) => cue.start < k.end && cue.end > k.start)) continue;
    kept.push(cue);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "threatened", "warned", "could face": sanctions are threatened, not imposed. */
export const THREAT_RE = /\b(?:threat(?:en(?:ed|s|ing)?)?|warn(?:ed|s|ing)?|could|may|might|would face|vow(?:ed|s)? to|if\s)\b/i;

/** The clause denies or only considers the event ("did not expel", "considering measures"). */
export const NEGATION_RE = /\b(?:not|never|no longer|refused to|declined to|considering|consider|considered|weighing|cancell?(?:ed|ing)|postponed|called off|supporters of|reserved the right|would respond|will respond|could come|would follow|is preparing its reply|calls? for (?:new|further) sanctions|called for (?:new|further)|urged)\b/i;

/** The object of a sanction is people or entities: a designation rather than a sanctions programme. */
export const PERSONS_RE = /\b(?:officials?|individuals?|persons?|people|entities|entity|lawmakers?|MPs|MEPs|members|scholars?|researchers?|oligarchs?|businessm[ae]n|companies|firms|outlets|institute|think tank)\b/i;

const MEASURE_CUES: Array<[SanctionMeasure, RegExp]> = [
  ["travel", /\b(?:travel|visa|entry) bans?\b|\bbarred from entering\b|\bbanned from entering\b|\bfrom entering\b|\bvisa restrictions\b/i],
  ["financial", /\basset freezes?\b|\bfr(?:oze|eeze|ozen|eezes)\b[^.;]{0,30}\bassets\b|\bfinancial sanctions\b|\bSWIFT\b|\bbanks?\b/i],
  ["arms", /\barms embargo\b|\barms sales?\b|\bF-35\b/i],
  ["trade", /\bexport (?:licen[cs]es|controls|bans?)\b|\bimport(?:s)? (?:bans?)?\b|\btariffs?\b|\bduties\b|\btrade\b|\bimports\b/i],
  ["military", /\bmilitary (?:assistance|aid|cooperation)\b/i],
];

/** The sanction measures a clause names. */
export function findMeasures(text: string): Array<{ measure: SanctionMeasure; start: number; end: number; text: string }> {
  const out: Array<{ measure: SanctionMeasure; start: number; end: number; text: string }> = [];
  for (const [measure, re] of MEASURE_CUES) {
    const m = re.exec(text);
    if (m) out.push({ measure, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Phrases saying that the event answers another one. */
export const RESPONSE_RE =
  /\b(?:in (?:retaliation|response|reply|return|answer) (?:for|to|against)|answering|retaliat(?:ed|ing|es|e)(?: against)?|retaliatory|tit-for-tat|responded in kind|respond(?:ed|ing)? (?:to|by)|in kind|a (?:forced |legitimate and necessary |direct )?response to|as a response|condemned the (?:move|decision|sanctions|order|expulsions?)|hit back|mirror(?:ed|ing)?|reciprocal|punishment for|retaliating|(?:hours|a day|days|weeks?) after|hits? back)\b/i;

/** Where a phrase naming an earlier event starts ("in response to Washington's sanctions"). */
export const RESPONSE_PHRASE_RE =
  /\b(?:in (?:retaliation|response|reply|return|answer) (?:for|to|against)|answering|retaliating (?:against|for)|(?:a|its|their|his|her) (?:forced |legitimate and necessary |direct )?response to|responding to|punishment for|(?<!\b(?:took|take|takes|taken|taking|handed|won|win|wins|control) )over (?!the (?:weekend|past|last|next|coming|years?|months?|premises)\b|\d)|retaliated against |after (?:the |its |their |a |an )|following (?:the |its |their |a )|for (?:its|their|the) (?:purchase|role|part)|because of|in solidarity with|since (?:the )?|(?<=\b(?:condemned|denounced|criticised|criticized|rejected|protested against)\s)(?:the|its|their|this)\s)/gi;

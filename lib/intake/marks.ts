/**
 * The evidence sentence cut into plain and marked pieces, so the review screen can show
 * which words produced which field. Overlapping cues split the text at every boundary and
 * a piece carries every cue that covers it. Out-of-range or empty cues are ignored.
 */
import type { Cue } from "@/lib/intake/types";

export type EvidencePiece = { text: string; fields: Cue["field"][] };

export const CUE_LABELS: Record<Cue["field"], string> = {
  date: "date",
  type: "type",
  initiator: "initiator",
  target: "target",
  legalBasis: "legal basis",
  respondsTo: "responds to",
  measure: "measure",
};

export function evidencePieces(evidence: string, cues: readonly Cue[]): EvidencePiece[] {
  const valid = cues.filter((c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end <= evidence.length && c.start < c.end);
  const cuts = [...new Set([0, evidence.length, ...valid.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);
  const pieces: EvidencePiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const fields = [...new Set(valid.filter((c) => c.start <= start && c.end >= end).map((c) => c.field))];
    const last = pieces[pieces.length - 1];
    if (last && last.fields.length === 0 && fields.length === 0) last.text += evidence.slice(start, end);
    else pieces.push({ text: evidence.slice(start, end), fields });
  }
  return pieces;
}

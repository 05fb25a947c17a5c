import { CUE_LABELS, evidencePieces } from "@/lib/intake/marks";
import type { Cue } from "@/lib/intake/types";

/** The evidence sentence with the words behind each field marked, each mark labelled in words (not colour alone). */
export function Evidence({ text, cues }: { text: string; cues: readonly Cue[] }) {
  return (
    <blockquote className="intake-evidence">
      {evidencePieces(text, cues).map((piece, i) =>
        piece.fields.length === 0 ? (
          <span key={i}>{piece.text}</span>
        ) : (
          <mark key={i} className={`cue cue--${piece.fields[0]}`}>
            {piece.text}
            <span className="cue__label"> [{piece.fields.map((f) => CUE_LABELS[f]).join(", ")}]</span>
          </mark>
        ),
      )}
    </blockquote>
  );
}

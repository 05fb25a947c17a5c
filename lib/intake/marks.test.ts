import { describe, expect, it } from "vitest";
import { evidencePieces } from "@/lib/intake/marks";

describe("evidence marks", () => {
  const sentence = "On Wednesday Moscow expelled ten US diplomats.";
  it("marks each cue and keeps the rest as plain text", () => {
    const pieces = evidencePieces(sentence, [
      { field: "date", start: 3, end: 12, text: "Wednesday" },
      { field: "initiator", start: 13, end: 19, text: "Moscow" },
      { field: "type", start: 20, end: 28, text: "expelled" },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(sentence);
    expect(pieces.filter((p) => p.fields.length > 0)).toEqual([
      { text: "Wednesday", fields: ["date"] },
      { text: "Moscow", fields: ["initiator"] },
      { text: "expelled", fields: ["type"] },
    ]);
  });

  it("splits overlapping cues and ignores ones outside the sentence", () => {
    const pieces = evidencePieces("abcdef", [
      { field: "type", start: 0, end: 4, text: "abcd" },
      { field: "measure", start: 2, end: 6, text: "cdef" },
      { field: "date", start: 4, end: 99, text: "x" },
    ]);
    expect(pieces).toEqual([
      { text: "ab", fields: ["type"] },
      { text: "cd", fields: ["type", "measure"] },
      { text: "ef", fields: ["measure"] },
    ]);
  });
});

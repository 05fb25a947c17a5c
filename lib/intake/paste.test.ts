import { describe, expect, it } from "vitest";
import { MAX_ARTICLE_BYTES, pasteSchema } from "@/lib/intake/paste";

const now = new Date("2021-04-30T12:00:00Z");
const parse = (fields: Partial<Record<"text" | "published" | "publisher" | "title" | "url", string>>) =>
  pasteSchema(now).safeParse({ text: "", published: "", publisher: "", title: "", url: "", ...fields });
const errors = (result: ReturnType<typeof parse>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));

describe("the paste form", () => {
  it("accepts an article with optional fields left empty", () => {
    const result = parse({ text: "  Russia expelled ten of the US diplomats on Wednesday, the ministry said.  " });
    expect(result.success && result.data).toEqual({
      text: "Russia expelled ten of the US diplomats on Wednesday, the ministry said.",
      published: null,
      publisher: null,
      title: null,
      url: null,
    });
  });

  it("refuses empty, binary and oversized text with a message on the field", () => {
    expect(errors(parse({ text: "   \n " })).text).toMatch(/empty/);
    expect(errors(parse({ text: "PK\u0003\u0004\u0000\u0000binary" })).text).toMatch(/binary/);
    const huge = "a".repeat(MAX_ARTICLE_BYTES + 1);
    expect(errors(parse({ text: huge })).text).toMatch(/larger than 2 MB/);
    // Multi-byte characters count as the bytes they take.
    expect(errors(parse({ text: "é".repeat(MAX_ARTICLE_BYTES / 2 + 1) })).text).toMatch(/larger than 2 MB/);
  });

  it("refuses a malformed or future publication date, and a bad URL", () => {
    expect(errors(parse({ text: "x", published: "29 April" })).published).toMatch(/YYYY-MM-DD/);
    expect(errors(parse({ text: "x", published: "2021-02-30" })).published).toMatch(/YYYY-MM-DD/);
    expect(errors(parse({ text: "x", published: "2021-04" })).published).toMatch(/YYYY-MM-DD/);
    expect(errors(parse({ text: "x", published: "2021-05-02" })).published).toMatch(/future/);
    expect(parse({ text: "x", published: "2021-05-01" }).success).toBe(true);
    expect(errors(parse({ text: "x", url: "javascript:alert(1)" })).url).toMatch(/http/);
  });

  it("reduces pasted HTML to text", () => {
    const result = parse({ text: "<p>Moscow said it &quot;would respond&quot; to the expulsions, and that the measures were in retaliation for the sanctions.</p>" });
    expect(result.success && result.data.text).toBe('Moscow said it "would respond" to the expulsions, and that the measures were in retaliation for the sanctions.');
  });

  it("refuses text that is not English", () => {
    const text = "Die Regierung hat heute neue Sanktionen gegen mehrere Unternehmen beschlossen, teilte das Ministerium mit.";
    expect(errors(parse({ text })).text).toMatch(/English/);
  });

  it("says so when pasted HTML holds no text", () => {
    expect(errors(parse({ text: "<div><script>x()</script></div>" })).text).toMatch(/empty/);
  });
});

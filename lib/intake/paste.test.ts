import { describe, expect, it } from "vitest";
import { articleText, htmlToText, MAX_ARTICLE_BYTES, pasteSchema } from "@/lib/intake/paste";

const now = new Date("2021-04-30T12:00:00Z");
const parse = (fields: Partial<Record<"text" | "published" | "publisher" | "title" | "url", string>>) =>
  pasteSchema(now).safeParse({ text: "", published: "", publisher: "", title: "", url: "", ...fields });
const errors = (result: ReturnType<typeof parse>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));

describe("the paste form", () => {
  it("accepts an article with optional fields left empty", () => {
    const result = parse({ text: "  Russia expelled ten US diplomats on Wednesday.  " });
    expect(result.success && result.data).toEqual({ text: "Russia expelled ten US diplomats on Wednesday.", published: null, publisher: null, title: null, url: null });
  });

  it("refuses empty, binary and oversized text with a message on the field", () => {
    expect(errors(parse({ text: "   \n " })).text).toMatch(/Paste the article/);
    expect(errors(parse({ text: "PK\u0003\u0004\u0000\u0000binary" })).text).toMatch(/binary/);
    const huge = "a".repeat(MAX_ARTICLE_BYTES + 1);
    expect(errors(parse({ text: huge })).text).toMatch(/larger than 2 MB/);
    // Multi-byte characters count as the bytes they take.
    expect(errors(parse({ text: "é".repeat(MAX_ARTICLE_BYTES / 2 + 1) })).text).toMatch(/larger than 2 MB/);
  });

  it("refuses a malformed or future publication date, and a bad URL", () => {
    expect(errors(parse({ text: "x", published: "29 April" })).published).toMatch(/full date/);
    expect(errors(parse({ text: "x", published: "2021-02-30" })).published).toMatch(/full date/);
    expect(errors(parse({ text: "x", published: "2021-04" })).published).toMatch(/full date/);
    expect(errors(parse({ text: "x", published: "2021-05-02" })).published).toMatch(/future/);
    expect(parse({ text: "x", published: "2021-05-01" }).success).toBe(true);
    expect(errors(parse({ text: "x", url: "javascript:alert(1)" })).url).toMatch(/http/);
  });

  it("reduces pasted HTML to text, keeping paragraphs apart", () => {
    const html = `<html><head><style>p{}</style><script>alert("x")</script></head><body>
      <h1>US&ndash;Russia ties</h1><p>Thursday, 29 April 2021 7:07 AM</p><p>Moscow said it &quot;would respond&quot;.<br>More&nbsp;text.</p><!-- hidden --></body></html>`;
    expect(htmlToText(html)).toBe('US–Russia ties\n\nThursday, 29 April 2021 7:07 AM\n\nMoscow said it "would respond".\nMore text.');
    expect(articleText("a < b and c > d")).toBe("a < b and c > d");
    expect(articleText("line one\r\nline two")).toBe("line one\nline two");
  });

  it("says so when pasted HTML holds no text", () => {
    expect(errors(parse({ text: "<div><script>x()</script></div>" })).text).toMatch(/no text/);
  });
});

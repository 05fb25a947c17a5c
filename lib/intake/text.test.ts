import { describe, expect, it } from "vitest";
import { IntakeInputError, MAX_ARTICLE_BYTES, checkPublicationDate, detectPublicationDate, htmlToText, isProbablyEnglish, prepareArticleText, splitClauses, splitSentences } from "./text";

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof IntakeInputError ? e.code : "other";
  }
}

describe("article text", () => {
  it("reduces pasted HTML to text: scripts dropped, blocks become paragraphs, entities decoded", () => {
    const html = `<html><head><title>x</title><style>p{}</style></head><body><script>alert(1)</script>
      <h1>Russia expels&nbsp;diplomats</h1><p>Moscow&#8217;s reply came on <b>Friday</b> &amp; was swift.</p><!-- c --><p>Second &lt;para&gt; &#x2014; end.</p></body></html>`;
    expect(htmlToText(html)).toBe("Russia expels diplomats\n\nMoscow’s reply came on Friday & was swift.\n\nSecond <para> — end.");
    expect(prepareArticleText(html)).not.toContain("alert");
  });

  it("refuses empty, oversized and binary input with a clear error type", () => {
    expect(code(() => prepareArticleText("   \n "))).toBe("empty");
    expect(code(() => prepareArticleText("a".repeat(MAX_ARTICLE_BYTES + 1)))).toBe("too-large");
    expect(code(() => prepareArticleText("PK\u0003\u0004\u0000\u0000binary"))).toBe("binary");
    expect(code(() => prepareArticleText("Russia expelled ten diplomats on Friday."))).toBeNull();
  });

  it("checks the publication date: a real calendar day, not in the future", () => {
    expect(code(() => checkPublicationDate("2021-02-30", "2026-12-02"))).toBe("bad-publication-date");
    expect(code(() => checkPublicationDate("29/04/2021", "2026-12-02"))).toBe("bad-publication-date");
    expect(code(() => checkPublicationDate("2027-01-05", "2026-12-02"))).toBe("future-publication-date");
    expect(checkPublicationDate("2021-04-29", "2026-12-02")).toEqual({ y: 2021, m: 4, d: 29 });
    expect(checkPublicationDate("2026-12-03", "2026-12-02")).toEqual({ y: 2026, m: 12, d: 3 }); // a day ahead of UTC is allowed
  });

  it("reads the publication date from a dateline", () => {
    expect(detectPublicationDate("US-Russia ties worse\n\nThursday, 29 April 2021 7:07 AM\n\nText")).toBe("2021-04-29");
    expect(detectPublicationDate("Headline\nApril 29, 2021\nText")).toBe("2021-04-29");
    expect(detectPublicationDate("Published 2020-12-15 09:00")).toBe("2020-12-15");
    expect(detectPublicationDate("No date here at all.")).toBeNull();
    expect(detectPublicationDate("Dated 31 February 2021")).toBeNull();
  });

  it("tells English from other languages", () => {
    expect(isProbablyEnglish("Russia said on Friday that it would expel ten diplomats of the United States in response to the sanctions.")).toBe(true);
    expect(isProbablyEnglish("Россия высылает десять американских дипломатов в ответ на санкции, заявил министр иностранных дел.")).toBe(false);
    expect(isProbablyEnglish("La Russie a annoncé vendredi l'expulsion de dix diplomates américains en réponse aux sanctions décidées par Washington.")).toBe(false);
  });

  it("splits sentences without breaking at abbreviations, and clauses at main-clause joins", () => {
    const s = splitSentences("The U.S. Treasury acted. Mr. Lavrov replied on Jan. 5 to Gen. Smith.\n\nDecree No. 243 followed. It was signed.");
    expect(s.map((x) => x.text)).toEqual(["The U.S. Treasury acted.", "Mr. Lavrov replied on Jan. 5 to Gen. Smith.", "Decree No. 243 followed.", "It was signed."]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1, 1]);
    expect(splitClauses("Britain expelled 23 diplomats; Russia expelled 23, and it closed the British Council.").map((c) => c.text)).toEqual([
      "Britain expelled 23 diplomats",
      "Russia expelled 23",
      "and it closed the British Council.",
    ]);
  });
});

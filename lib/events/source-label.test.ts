import { describe, expect, it } from "vitest";
import { sourceLinkText } from "./source-label";

describe("sourceLinkText", () => {
  it("prefers the publisher, then the title", () => {
    expect(sourceLinkText({ publisher: "Council", title: "Decision", url: "https://x.eu/a" })).toBe("Council");
    expect(sourceLinkText({ publisher: null, title: "Decision", url: "https://x.eu/a" })).toBe("Decision");
    expect(sourceLinkText({ publisher: "Council", title: "Decision" }, "title")).toBe("Decision");
  });

  it("falls back to the host name when the source has only a URL", () => {
    expect(sourceLinkText({ title: "", publisher: null, url: "https://www.consilium.europa.eu/en/press/" })).toBe("consilium.europa.eu");
    expect(sourceLinkText({ url: "https://kremlin.ru/acts" }, "title")).toBe("kremlin.ru");
  });
});

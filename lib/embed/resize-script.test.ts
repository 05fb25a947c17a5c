import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { MAX_FRAME_HEIGHT, RESIZE_SCRIPT } from "@/lib/embed/resize-script";

const ORIGIN = "https://demarche.example";

/** Runs /embed.js against a fake host page with two frames and returns a way to post to it. */
function hostPage() {
  const demarche = { src: `${ORIGIN}/embed?type=statement`, contentWindow: { name: "demarche" }, style: { height: "" } };
  const other = { src: "https://video.example/embed/1", contentWindow: { name: "other" }, style: { height: "" } };
  let listener: ((event: unknown) => void) | null = null;
  const context = {
    URL,
    isFinite,
    Math,
    Object,
    document: {
      currentScript: { src: `${ORIGIN}/embed.js` },
      baseURI: "https://news.example/article",
      getElementsByTagName: () => [other, demarche],
    },
    window: { addEventListener: (type: string, fn: (event: unknown) => void) => type === "message" && (listener = fn) },
  };
  vm.runInNewContext(RESIZE_SCRIPT, context);
  const post = (event: { origin: string; source: unknown; data: unknown }) => listener?.(event);
  return { demarche, other, post };
}

describe("/embed.js", () => {
  it("sizes the Demarche frame that sent a well-formed message, from its origin or a sandbox's null origin", () => {
    const page = hostPage();
    page.post({ origin: "null", source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: 812.4 } });
    expect(page.demarche.style.height).toBe("813px");
    page.post({ origin: ORIGIN, source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: 400 } });
    expect(page.demarche.style.height).toBe("400px");
    expect(page.other.style.height).toBe("");
  });

  it("ignores messages from other origins, other frames, or of another shape", () => {
    const page = hostPage();
    const good = { type: "demarche:embed-height", height: 500 };
    const cases = [
      { origin: "https://evil.example", source: page.demarche.contentWindow, data: good },
      { origin: "null", source: page.other.contentWindow, data: good },
      { origin: "null", source: { name: "somewhere else" }, data: good },
      { origin: "null", source: page.demarche.contentWindow, data: { type: "other", height: 500 } },
      { origin: "null", source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: "500" } },
      { origin: "null", source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: Number.NaN } },
      { origin: "null", source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: 0 } },
      { origin: "null", source: page.demarche.contentWindow, data: { type: "demarche:embed-height", height: MAX_FRAME_HEIGHT + 1 } },
      { origin: "null", source: page.demarche.contentWindow, data: { ...good, extra: "<script>" } },
      { origin: "null", source: page.demarche.contentWindow, data: "demarche:embed-height 500" },
      { origin: "null", source: page.demarche.contentWindow, data: null },
    ];
    for (const event of cases) page.post(event);
    expect(page.demarche.style.height).toBe("");
    expect(page.other.style.height).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { conditionalResponse, etagOf, isNotModified } from "@/lib/reach/conditional";

const modified = new Date("2024-05-01T12:00:00.500Z");

describe("isNotModified", () => {
  const etag = etagOf("body");
  it("matches If-None-Match lists, weak tags and *", () => {
    expect(isNotModified(new Headers({ "If-None-Match": etag }), etag, modified)).toBe(true);
    expect(isNotModified(new Headers({ "If-None-Match": `"x", W/${etag}` }), etag, modified)).toBe(true);
    expect(isNotModified(new Headers({ "If-None-Match": "*" }), etag, modified)).toBe(true);
    expect(isNotModified(new Headers({ "If-None-Match": '"x"' }), etag, modified)).toBe(false);
  });
  it("lets If-None-Match decide over If-Modified-Since", () => {
    expect(isNotModified(new Headers({ "If-None-Match": '"x"', "If-Modified-Since": modified.toUTCString() }), etag, modified)).toBe(false);
  });
  it("compares If-Modified-Since to the second", () => {
    expect(isNotModified(new Headers({ "If-Modified-Since": modified.toUTCString() }), etag, modified)).toBe(true);
    expect(isNotModified(new Headers({ "If-Modified-Since": new Date(modified.getTime() - 1000).toUTCString() }), etag, modified)).toBe(false);
    expect(isNotModified(new Headers({ "If-Modified-Since": "yesterday" }), etag, modified)).toBe(false);
    expect(isNotModified(new Headers({ "If-Modified-Since": modified.toUTCString() }), etag, null)).toBe(false);
  });
});

describe("conditionalResponse", () => {
  it("answers 200 with validators, then 304 without a body", async () => {
    const first = conditionalResponse(new Request("http://x/feed"), "hello", { contentType: "text/plain", lastModified: modified });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("hello");
    expect(first.headers.get("last-modified")).toBe(modified.toUTCString());
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const again = conditionalResponse(new Request("http://x/feed", { headers: { "If-None-Match": first.headers.get("etag")! } }), "hello", {
      contentType: "text/plain",
      lastModified: modified,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await again.text()).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "@/lib/embed/html";

describe("html", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const title = `"><script>alert('x')</script>&`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
  });

  it("keeps nested html and raw markup, joins arrays and drops empty values", () => {
    const items = ["a<b", "c"].map((v) => html`<li>${v}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw("<br>")}${3}`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul><br>3");
  });

  it("escapes the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

"use client";

import { useId, useState } from "react";
import {
  DEFAULT_EMBED_SIZE,
  MAX_EMBED_SIDE,
  embedSrc,
  iframeSnippet,
  resizeScriptSnippet,
} from "@/lib/embed/snippet";

type Target = { kind: "timeline"; query: string } | { kind: "event"; id: number };

const MIN_SIDE = 200;

function clampSide(raw: string, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= MIN_SIDE && value <= MAX_EMBED_SIDE ? value : fallback;
}

/**
 * "Embed this view": the iframe snippet for the current view or event, with its size and the
 * optional resize script. Without JavaScript the snippet is shown at its default size, ready
 * to select and copy.
 */
export function EmbedThisView({ origin, target, title }: { origin: string; target: Target; title: string }) {
  const id = useId();
  const defaults = DEFAULT_EMBED_SIZE[target.kind];
  const [width, setWidth] = useState(String(defaults.width));
  const [height, setHeight] = useState(String(defaults.height));
  const [withScript, setWithScript] = useState(true);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const size = { width: clampSide(width, defaults.width), height: clampSide(height, defaults.height) };
  const frame = iframeSnippet({ src: embedSrc(origin, target), title: `Demarche: ${title}`, ...size });
  const snippet = withScript ? `${frame}\n${resizeScriptSnippet(origin)}` : frame;

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <details className="embed-this-view">
      <summary>{target.kind === "event" ? "Embed this event" : "Embed this view"}</summary>
      <div className="embed-this-view__body">
        <p className="note">
          Paste this code into a web page to show {target.kind === "event" ? "this event and its chain" : "these events"}. It
          stays current as Demarche changes. In WordPress or any oEmbed consumer, pasting this page&rsquo;s address is enough.
        </p>
        <div className="embed-this-view__size">
          <span className="embed-this-view__field">
            <label htmlFor={`${id}-w`}>Width (px)</label>{" "}
            <input id={`${id}-w`} type="number" inputMode="numeric" min={MIN_SIDE} max={MAX_EMBED_SIDE} value={width} onChange={(e) => setWidth(e.target.value)} />
          </span>
          <span className="embed-this-view__field">
            <label htmlFor={`${id}-h`}>Height (px)</label>{" "}
            <input id={`${id}-h`} type="number" inputMode="numeric" min={MIN_SIDE} max={MAX_EMBED_SIDE} value={height} onChange={(e) => setHeight(e.target.value)} />
          </span>
          <label className="embed-this-view__check">
            <input type="checkbox" checked={withScript} onChange={(e) => setWithScript(e.target.checked)} /> Resize the frame to its content
            (adds a small script)
          </label>
        </div>
        <label htmlFor={`${id}-code`}>Embed code</label>
        <textarea id={`${id}-code`} className="embed-this-view__code" readOnly rows={5} value={snippet} onFocus={(e) => e.currentTarget.select()} />
        <p className="embed-this-view__actions">
          <button type="button" className="button--small" onClick={copy}>
            Copy the code
          </button>{" "}
          <span role="status">{copied === "copied" ? "Copied." : copied === "failed" ? "Could not copy; select the code and copy it." : ""}</span>
        </p>
      </div>
    </details>
  );
}

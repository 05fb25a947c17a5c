/** The parts of a source that can name it in a link. */
export interface SourceNaming {
  title?: string | null;
  publisher?: string | null;
  url?: string | null;
}

function hostOf(url: string | null | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * The text of a source's link: the field named by `first` (the card prefers the publisher,
 * the event page the title), then the other, then the URL's host name, so a source recorded
 * with only a URL never renders as an empty link.
 */
export function sourceLinkText(source: SourceNaming, first: "publisher" | "title" = "publisher"): string {
  const order = first === "publisher" ? [source.publisher, source.title] : [source.title, source.publisher];
  for (const text of order) {
    if (text && text.trim() !== "") return text;
  }
  return hostOf(source.url);
}

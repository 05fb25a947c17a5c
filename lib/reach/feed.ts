import { Feed } from "feed";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { entryHtml, entryText, escapeHtml } from "@/lib/reach/entry";

export type FeedFormat = "atom" | "json";

export type FeedInput = {
  /** Events newest change first (lib/reach/recent.ts). */
  events: readonly EventSnapshot[];
  origin: string;
  /** The view's canonical query string ("" for everything). */
  query: string;
  /** "12 events · Russia → United States": what the view is. */
  description: string;
};

const suffix = (query: string) => (query === "" ? "" : `?${query}`);

/** The newest change among the entries, which is the feed's own update time. */
export function feedUpdated(events: readonly EventSnapshot[]): Date | null {
  let latest: Date | null = null;
  for (const e of events) {
    const at = new Date(e.updatedAt);
    if (!latest || at > latest) latest = at;
  }
  return latest;
}

function buildFeed(input: FeedInput): Feed {
  const { origin, query } = input;
  const pageUrl = `${origin}/${suffix(query)}`;
  const feed = new Feed({
    // The view's address identifies the feed: the same filters, the same feed.
    id: pageUrl,
    title: `Demarche: ${input.description}`,
    description: `Events of this Demarche view (${input.description}), most recently added or changed first.`,
    link: pageUrl,
    language: "en",
    updated: feedUpdated(input.events) ?? new Date(0),
    generator: "Demarche",
    feedLinks: { atom: `${origin}/feed.atom${suffix(query)}`, json: `${origin}/feed.json${suffix(query)}` },
    author: { name: "Demarche", link: origin },
  });
  for (const event of input.events) {
    const text = entryText(event, origin);
    // The library writes titles and summaries as type="html": escape the plain text.
    feed.addItem({
      id: text.link,
      link: text.link,
      title: escapeHtml(text.title),
      description: escapeHtml([text.dateLine, text.actorsLine].filter((s) => s !== "").join(" · ")),
      content: entryHtml(text),
      date: new Date(event.updatedAt),
      published: new Date(event.createdAt),
      category: [{ name: eventTypeInfo(event.type).label, term: event.type, scheme: `${origin}/?type=` }],
    });
  }
  return feed;
}

/** Atom 1.0 (RFC 4287). */
export function atomFeed(input: FeedInput): string {
  return buildFeed(input).atom1();
}

type JsonFeedItem = Record<string, unknown> & { id: string; title?: string };
type JsonFeedOut = Record<string, unknown> & { items: JsonFeedItem[]; author?: unknown };

/**
 * JSON Feed 1.1. The library writes version 1 (a single `author`, no `language`); the
 * changes to 1.1 are made here: the version, `authors` as a list, `language`, plain-text
 * titles (JSON has no markup to escape) and a `_demarche` extension with the structured
 * date, type and actors for scripts.
 */
export function jsonFeed(input: FeedInput): string {
  const parsed = JSON.parse(buildFeed(input).json1()) as JsonFeedOut;
  const { author, ...rest } = parsed;
  const byLink = new Map(input.events.map((e) => [entryText(e, input.origin).link, e]));
  const items = parsed.items.map((item) => {
    const event = byLink.get(item.id);
    if (!event) return item;
    const { author: _itemAuthor, ...own } = item;
    const text = entryText(event, input.origin);
    return {
      ...own,
      title: text.title,
      summary: [text.dateLine, text.actorsLine].filter((s) => s !== "").join(" · "),
      tags: [eventTypeInfo(event.type).label, ...event.tags],
      language: "en",
      _demarche: {
        event_id: event.id,
        date: event.date,
        date_precision: event.datePrecision,
        end_date: event.endDate,
        type: event.type,
        initiators: event.initiators.map((a) => a.name),
        targets: event.targets.map((a) => a.name),
        sources: event.sources.map((s) => ({ title: s.title, url: s.url, publisher: s.publisher })),
      },
    };
  });
  return JSON.stringify(
    { ...rest, version: "https://jsonfeed.org/version/1.1", language: "en", authors: author ? [author] : [], items },
    null,
    2,
  );
}

import { formatDateText, formatStoredDate } from "@/lib/dates/partial-date";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { eventTypeInfo } from "@/lib/events/vocabulary";

/** What a feed entry or a calendar event says about an event, as plain text. */
export type EntryText = {
  title: string;
  /** "15 April 2021 · Diplomatic expulsion", with "until …" when the measure has an end. */
  dateLine: string;
  /** "Russia → United States", or "" when the event has neither side. */
  actorsLine: string;
  summary: string;
  sources: { title: string; url: string | null }[];
  link: string;
};

export function eventUrl(origin: string, id: number): string {
  return `${origin}/events/${id}`;
}

export function entryText(event: EventSnapshot, origin: string): EntryText {
  const date = formatStoredDate(event.datePrecision, event.dateStart, "long");
  const until = event.endDate ? ` until ${formatDateText(event.endDate, "long")}` : "";
  const names = (list: { name: string }[]) => list.map((a) => a.name).join(", ");
  const actorsLine =
    event.initiators.length + event.targets.length === 0
      ? ""
      : `${event.initiators.length > 0 ? names(event.initiators) : "—"} → ${event.targets.length > 0 ? names(event.targets) : "—"}`;
  return {
    title: event.title,
    dateLine: `${date}${until} · ${eventTypeInfo(event.type).label}`,
    actorsLine,
    summary: event.summary,
    sources: event.sources.map((s) => ({ title: s.title || s.publisher || s.url || "Source", url: s.url })),
    link: eventUrl(origin, event.id),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Only http(s) links become anchors: a source URL is editor input. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The entry as HTML, every piece of event text escaped. */
export function entryHtml(text: EntryText): string {
  const parts = [`<p><strong>${escapeHtml(text.dateLine)}</strong></p>`];
  if (text.actorsLine) parts.push(`<p>${escapeHtml(text.actorsLine)}</p>`);
  if (text.summary) parts.push(`<p>${escapeHtml(text.summary)}</p>`);
  if (text.sources.length > 0) {
    const items = text.sources.map((s) => {
      const href = safeHref(s.url);
      return href ? `<li><a href="${escapeHtml(href)}">${escapeHtml(s.title)}</a></li>` : `<li>${escapeHtml(s.title)}</li>`;
    });
    parts.push(`<p>Sources:</p><ul>${items.join("")}</ul>`);
  }
  parts.push(`<p><a href="${escapeHtml(text.link)}">On Demarche</a></p>`);
  return parts.join("");
}

/** The entry as plain text (calendar descriptions, JSON Feed summaries). */
export function entryPlain(text: EntryText): string {
  const lines = [text.dateLine];
  if (text.actorsLine) lines.push(text.actorsLine);
  if (text.summary) lines.push("", text.summary);
  if (text.sources.length > 0) lines.push("", "Sources:", ...text.sources.map((s) => (s.url ? `- ${s.title}: ${s.url}` : `- ${s.title}`)));
  lines.push("", text.link);
  return lines.join("\n");
}

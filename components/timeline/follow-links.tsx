import { followHrefs } from "@/lib/reach/links";

/**
 * "Follow this view": the same query string as a feed reader's or a calendar's
 * subscription. Plain links: the targets are documents for other programs.
 */
export function FollowLinks({ query, label = "Follow this view" }: { query: string; label?: string }) {
  const hrefs = followHrefs(query);
  return (
    <p className="follow-links">
      {label}:{" "}
      <a href={hrefs.atom} type="application/atom+xml">
        Atom
      </a>
      {" · "}
      <a href={hrefs.json} type="application/feed+json">
        JSON Feed
      </a>
      {" · "}
      <a href={hrefs.calendar} type="text/calendar">
        Calendar
      </a>
    </p>
  );
}

/**
 * Feed discovery for browsers and readers. React hoists these into <head>; relative
 * addresses, so they hold behind any host name.
 */
export function FollowAlternates({ query, title }: { query: string; title: string }) {
  const hrefs = followHrefs(query);
  return (
    <>
      <link rel="alternate" type="application/atom+xml" title={`${title} (Atom)`} href={hrefs.atom} />
      <link rel="alternate" type="application/feed+json" title={`${title} (JSON Feed)`} href={hrefs.json} />
      <link rel="alternate" type="text/calendar" title={`${title} (calendar)`} href={hrefs.calendar} />
    </>
  );
}

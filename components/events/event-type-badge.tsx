import { eventTypeInfo } from "@/lib/events/vocabulary";

/** The event type as text on a colour swatch: the colour is never the only signal. */
export function EventTypeBadge({ type }: { type: string }) {
  const info = eventTypeInfo(type);
  return (
    <span className="type-badge" style={{ "--type-color": info.color } as React.CSSProperties}>
      <span className="type-badge__swatch" aria-hidden="true" />
      {info.label}
    </span>
  );
}

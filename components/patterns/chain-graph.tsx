import { eventTypeInfo } from "@/lib/events/vocabulary";
import { CHAIN_NODE, layoutChain, sideShort, stepDate, type ChainRelation, type ChainStep } from "@/lib/patterns/chains";
import { RELATION_STYLE, relationStyle, truncate } from "./chain-style";

const LINE = 15;

/**
 * A chain as a picture, rendered on the server: time left to right, one lane per side, a
 * node per step that links to its event, an arrow per relation (from the later event to
 * the one it relates to) named in text and drawn with its own dash pattern. It scrolls
 * sideways inside its own box; the ordered list beside it says the same in text.
 */
export function ChainGraph({
  steps,
  relations,
  currentId,
  label,
}: {
  steps: ChainStep[];
  relations: ChainRelation[];
  currentId: number | null;
  /** What the picture shows, for its title ("The chain of …, 12 steps"). */
  label: string;
}) {
  const layout = layoutChain(steps, relations);
  const kinds = [...new Set(layout.edges.map((e) => e.kind))];
  return (
    <figure className="chain-figure">
      <div className="chain-graph" role="region" aria-label={`Picture of the chain, ${layout.nodes.length} steps (scrolls sideways)`} tabIndex={0}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-labelledby="chain-graph-title chain-graph-desc"
        >
          <title id="chain-graph-title">{label}</title>
          <desc id="chain-graph-desc">
            Time runs left to right, one lane per initiator. Each box is an event and links to it; each arrow points from an
            event to the earlier event it relates to, named on the arrow. The list of steps below says the same.
          </desc>
          <defs>
            <marker id="chain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#292524" />
            </marker>
          </defs>
          <g className="chain-graph__lanes" aria-hidden="true">
            {layout.lanes.map((lane, i) => (
              <g key={lane.key || "none"}>
                <rect x={0} y={lane.y} width={layout.width} height={lane.height} fill={i % 2 === 0 ? "#f5f5f4" : "#fafaf9"} />
                <text x={8} y={lane.y + 15} className="chain-graph__lane-label">
                  {truncate(lane.label, 60)}
                </text>
              </g>
            ))}
          </g>
          <g className="chain-graph__axis" aria-hidden="true">
            {layout.ticks.map((t) => (
              <g key={`${t.x}-${t.label}`}>
                <line x1={t.x} x2={t.x} y1={18} y2={layout.height} stroke="#d6d3d1" strokeDasharray="2 3" />
                <text x={t.x} y={13} textAnchor="middle">
                  {t.label}
                </text>
              </g>
            ))}
          </g>
          <g className="chain-graph__edges" aria-hidden="true">
            {layout.edges.map((e) => {
              const style = relationStyle(e.kind);
              return (
                <g key={`${e.fromId}-${e.toId}-${e.kind}`}>
                  <path d={e.d} fill="none" stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} markerEnd="url(#chain-arrow)" />
                  <text x={e.labelX} y={e.labelY} textAnchor={e.labelAnchor} className="chain-graph__edge-label" fill={style.stroke}>
                    {style.text}
                  </text>
                </g>
              );
            })}
          </g>
          <g className="chain-graph__nodes">
            {layout.nodes.map(({ step, x, y }) => {
              const current = step.id === currentId;
              const type = eventTypeInfo(step.type);
              const date = stepDate(step);
              const actors = `${step.initiators.map(sideShort).join(", ") || "?"} → ${step.targets.map(sideShort).join(", ") || "?"}`;
              const name = `${date}, ${type.label}: ${step.title} (${actors})${current ? ", this event" : ""}`;
              return (
                <a key={step.id} href={`/events/${step.id}`} aria-label={name} aria-current={current ? "page" : undefined} className="chain-node">
                  <title>{name}</title>
                  <rect
                    x={x}
                    y={y}
                    width={CHAIN_NODE.width}
                    height={CHAIN_NODE.height}
                    rx={6}
                    className={current ? "chain-node__box chain-node__box--current" : "chain-node__box"}
                  />
                  <rect x={x} y={y} width={6} height={CHAIN_NODE.height} rx={3} fill={type.color} />
                  <text x={x + 14} y={y + 8 + LINE - 3}>
                    <tspan className="chain-node__date">{current ? `${date} · this event` : date}</tspan>
                    <tspan x={x + 14} dy={LINE}>
                      {truncate(type.label, 28)}
                    </tspan>
                    <tspan x={x + 14} dy={LINE} className="chain-node__title">
                      {truncate(step.title, 28)}
                    </tspan>
                    <tspan x={x + 14} dy={LINE}>
                      {truncate(actors, 28)}
                    </tspan>
                  </text>
                </a>
              );
            })}
          </g>
        </svg>
      </div>
      {kinds.length > 0 ? (
        <figcaption>
          <ul className="chain-legend" aria-label="Arrows">
            {Object.entries(RELATION_STYLE)
              .filter(([kind]) => kinds.includes(kind))
              .map(([kind, style]) => (
                <li key={kind}>
                  <svg width="36" height="10" aria-hidden="true">
                    <line x1="0" x2="36" y1="5" y2="5" stroke={style.stroke} strokeWidth="2" strokeDasharray={style.dash} />
                  </svg>{" "}
                  {style.text}
                </li>
              ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

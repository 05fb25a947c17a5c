import { scaleLinear } from "d3-scale";
import type { ChainSummary } from "@/lib/patterns/chains";

const WIDTH = 320;
const ROW = 12;
const MAX_LANES = 6;

/**
 * A chain at a glance: one row per side (at most six, the rest on the last row), a dot
 * per step at its place in the chain's span. Decorative: the facts beside it say the same.
 */
export function ChainMini({ chain }: { chain: ChainSummary }) {
  const lanes = Math.min(Math.max(chain.sides.length, 1), MAX_LANES);
  const height = lanes * ROW + 4;
  const x = scaleLinear().domain([0, 1]).range([6, WIDTH - 6]);
  const laneOf = (lane: number) => (lane < 0 ? lanes - 1 : Math.min(lane, lanes - 1));
  return (
    <svg className="chain-mini" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} aria-hidden="true" focusable="false">
      {Array.from({ length: lanes }, (_, i) => (
        <line key={i} x1={0} x2={WIDTH} y1={2 + i * ROW + ROW / 2} y2={2 + i * ROW + ROW / 2} stroke="#e7e5e4" />
      ))}
      {chain.points.map((p, i) => (
        <circle key={i} cx={x(p.t)} cy={2 + laneOf(p.lane) * ROW + ROW / 2} r={4} fill="#9f1239" fillOpacity={0.7} />
      ))}
    </svg>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { scaleQuantize } from "d3-scale";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import world from "world-atlas/countries-110m.json";
import { countStates, parseSide } from "@/lib/patterns/map";
import { loadPatternView } from "@/lib/patterns/page-data";
import { timelineHref } from "@/lib/timeline/links";
import { searchOf } from "@/lib/timeline/page-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Map of states" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const WIDTH = 960;
const HEIGHT = 500;
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], countries);
const path = geoPath(projection);
const shapes = countries.features.map((f: Feature<Geometry, { name: string }>) => ({ id: String(f.id ?? ""), name: f.properties.name, d: path(f) ?? "" }));
const COLOURS = ["#fde0dd", "#fa9fb5", "#f768a1", "#c51b8a", "#7a0177"];

export default async function MapPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const side = parseSide(([] as string[]).concat(params.side ?? [])[0]);
  const { side: _side, ...filterParams } = params;
  const data = await loadPatternView(searchOf(filterParams));
  const states = countStates(data.rows, data.actors, side);
  const max = Math.max(1, ...states.map((s) => s.count));
  const shade = scaleQuantize<string>().domain([1, max]).range(COLOURS.slice(0, Math.min(COLOURS.length, max)));
  const byNumeric = new Map(states.filter((s) => s.numeric).map((s) => [s.numeric, s]));
  const suffix = data.query ? `?${data.query}` : "";
  const sideHref = (s: string) => `/map?${new URLSearchParams([...new URLSearchParams(data.query), ["side", s]]).toString()}`;
  const hrefFor = (value: string) => timelineHref(side === "initiator" ? { ...data.filters, initiators: [value] } : { ...data.filters, targets: [value] });
  const thresholds = shade.range().map((c) => ({ colour: c, extent: shade.invertExtent(c) }));

  return (
    <div className="pattern-page">
      <div className="page-heading">
        <h1>Map of states as {side === "initiator" ? "initiators" : "targets"}</h1>
        <p className="summary-line" role="status">
          {states.length} states {side === "initiator" ? "initiated" : "were targeted by"} events of this view ({data.total} events)
          {data.truncated ? " (only the first events were read)" : ""}.
        </p>
        <p className="pattern-links">
          <Link href={`/${suffix}`}>Back to the timeline</Link> · <Link href={`/chains${suffix}`}>Chains</Link> ·{" "}
          <Link href={`/matrix${suffix}`}>Matrix</Link> ·{" "}
          {side === "initiator" ? <Link href={sideHref("target")}>Show targets</Link> : <Link href={sideHref("initiator")}>Show initiators</Link>}
        </p>
      </div>
      <svg className="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="World map of event counts; the table below lists the same counts">
        {shapes.map((s) => {
          const state = byNumeric.get(s.id);
          const fill = state ? shade(state.count) : "#eee";
          if (!state) return <path key={s.id + s.name} d={s.d} fill={fill} />;
          const label = `${state.name}: ${state.count} event${state.count === 1 ? "" : "s"}`;
          return (
            <a key={s.id + s.name} href={hrefFor(state.value)} aria-label={label}>
              <title>{label}</title>
              <path d={s.d} fill={fill} />
            </a>
          );
        })}
      </svg>
      <ul className="map-legend" aria-label="Legend">
        {thresholds.map(({ colour, extent }) => (
          <li key={colour}>
            <span style={{ background: colour }} aria-hidden="true" />
            {Math.ceil(extent[0])}–{Math.floor(extent[1])} events
          </li>
        ))}
      </ul>
      <table className="matrix">
        <caption>Events per state as {side}</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Events</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.actorId}>
              <th scope="row">
                <Link href={hrefFor(s.value)}>{s.name}</Link>
              </th>
              <td>{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

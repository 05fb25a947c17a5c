import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi";
import { buildReference, type ReferenceRow, type TypeText } from "@/lib/api/reference";

export const metadata: Metadata = {
  title: "Read API reference",
  description: "Demarche's public read API, feeds and calendar: addresses, parameters and answers.",
};

const anchor = (name: string) => `schema-${name}`;

function Type({ type }: { type: TypeText }) {
  return type.ref ? (
    <a href={`#${anchor(type.ref)}`}>
      <code>{type.text}</code>
    </a>
  ) : (
    <code>{type.text}</code>
  );
}

function Rows({ rows, caption, location }: { rows: (ReferenceRow & { location?: string })[]; caption: string; location?: boolean }) {
  return (
    <div className="api-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {location ? <th scope="col">In</th> : null}
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <code>{row.name}</code>
                {row.required ? <span className="api-required"> (required)</span> : null}
              </th>
              {location ? <td>{row.location}</td> : null}
              <td>
                <Type type={row.type} />
              </td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The API reference, rendered from the OpenAPI document the API serves (no third-party script). */
export default function ApiReferencePage() {
  const reference = buildReference(openApiDocument());
  return (
    <article className="api-reference" aria-labelledby="api-title">
      <h1 id="api-title">
        {reference.title} <span className="api-version">v{reference.version}</span>
      </h1>
      <p>{reference.description}</p>
      <p>
        The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every list takes
        the <Link href="/">timeline</Link>&rsquo;s query string, so copying the filters from the address bar gives the same
        events.
      </p>

      <section aria-labelledby="follow-heading">
        <h2 id="follow-heading">Feeds and calendar</h2>
        <ul>
          <li>
            <a href="/feed.atom">
              <code>/feed.atom?&lt;filters&gt;</code>
            </a>{" "}
            and{" "}
            <a href="/feed.json">
              <code>/feed.json?&lt;filters&gt;</code>
            </a>{" "}
            (Atom and JSON Feed 1.1): the view&rsquo;s 50 most recently added or changed events, newest change first. Send{" "}
            <code>If-None-Match</code> or <code>If-Modified-Since</code> for a <code>304</code>.
          </li>
          <li>
            <a href="/calendar.ics">
              <code>/calendar.ics?&lt;filters&gt;</code>
            </a>
            : the view&rsquo;s day-dated events as all-day events (a measure with an end spans its days); events dated only to a
            month or a year are left out.
          </li>
        </ul>
        <p>
          A value the timeline would ignore with a notice (an unknown actor, tag or type, a malformed date) is refused on
          these addresses, on the API and on the CSV/JSON exports with a <code>400</code> in the <a href="#schema-Error">Error</a>{" "}
          shape, naming the value.
        </p>
      </section>

      <section aria-labelledby="operations-heading">
        <h2 id="operations-heading">Addresses</h2>
        {reference.operations.map((op) => (
          <section key={op.id} id={op.id} className="api-operation" aria-labelledby={`${op.id}-heading`}>
            <h3 id={`${op.id}-heading`}>
              <span className="api-method">{op.method}</span> <code>{op.path}</code>
            </h3>
            <p className="api-summary">{op.summary}</p>
            {op.description ? <p>{op.description}</p> : null}
            {op.parameters.length > 0 ? <Rows rows={op.parameters} caption={`Parameters of ${op.method} ${op.path}`} location /> : null}
            <div className="api-table">
              <table>
                <caption>Answers of {op.method} {op.path}</caption>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Body</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {op.responses.map((r) => (
                    <tr key={r.status}>
                      <th scope="row">{r.status}</th>
                      <td>{r.type ? <Type type={r.type} /> : "none"}</td>
                      <td>{r.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section aria-labelledby="schemas-heading">
        <h2 id="schemas-heading">Shapes</h2>
        {reference.schemas.map((schema) => (
          <section key={schema.name} id={anchor(schema.name)} aria-labelledby={`${anchor(schema.name)}-heading`}>
            <h3 id={`${anchor(schema.name)}-heading`}>{schema.name}</h3>
            {schema.description ? <p>{schema.description}</p> : null}
            {schema.rows.length > 0 ? <Rows rows={schema.rows} caption={`Fields of ${schema.name}`} /> : null}
          </section>
        ))}
      </section>
    </article>
  );
}

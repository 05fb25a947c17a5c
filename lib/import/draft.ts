/**
 * What one row of an import file says about an event, before it is checked against the
 * database. Format-independent: the CSV reader and the JSON reader both produce drafts.
 *
 * A field left `undefined` was not in the file (a missing column): a new event gets the
 * default, an existing event keeps its current value. An empty value clears the field.
 */
export type ActorRef = {
  /** The actor's name, or its ISO code when `byCode`. */
  name: string;
  byCode?: boolean;
  /** Known from a JSON file: used when the actor has to be created. */
  isoCode?: string | null;
  kind?: string;
};

export type SourceDraft = {
  url: string | null;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
  archiveUrl?: string | null;
};

export type EventDraft = {
  id: number | null;
  title?: string;
  summary?: string;
  date?: string;
  endDate?: string | null;
  type?: string;
  status?: string;
  legalBasis?: string | null;
  location?: string | null;
  measures?: string[];
  initiators?: ActorRef[];
  targets?: ActorRef[];
  tags?: string[];
  sources?: SourceDraft[];
  /**
   * Relations this file defines. `scope: "responds-to"` (CSV, which has only a responds_to
   * column) replaces only that kind and keeps an existing event's other relations.
   */
  relations?: { scope: "all" | "responds-to"; items: { kind: string; eventId: number }[] };
  /** Kept on a newly created event (restore fidelity); an update always stamps the present. */
  updatedAt?: Date;
};

/** A problem with one cell (or one whole row when `column` is empty). */
export type RowError = { row: number; column: string; message: string };

/** One parsed row, with the problems found while reading it (before any database check). */
export type ImportRecord = {
  row: number;
  draft: EventDraft;
  errors: RowError[];
  /** The file cannot be read past this point (bad header, broken quoting): nothing is imported. */
  fileError?: boolean;
};

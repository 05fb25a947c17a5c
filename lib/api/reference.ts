/**
 * The OpenAPI document turned into what the /api reference page shows: operations with
 * their parameters and answers, and the schemas as property tables. Pure, so that the page
 * is always the document (nothing written by hand beside it).
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  example?: unknown;
  examples?: unknown[];
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type ResponseObject = { description?: string; content?: Record<string, { schema?: JsonSchema }> };
type Operation = { operationId?: string; summary?: string; description?: string; parameters?: Parameter[]; responses?: Record<string, ResponseObject> };
type Document = {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type TypeText = { text: string; ref: string | null };

export type ReferenceRow = { name: string; type: TypeText; required: boolean; description: string };

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (ReferenceRow & { location: string })[];
  responses: { status: string; description: string; type: TypeText | null }[];
};

export type ReferenceSchema = { name: string; description: string; rows: ReferenceRow[] };

export type Reference = { title: string; version: string; description: string; operations: ReferenceOperation[]; schemas: ReferenceSchema[] };

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** A short type for a schema: "string", "integer 1–200", "array of Event", "one of: a, b". */
export function typeText(schema: JsonSchema | undefined): TypeText {
  if (!schema) return { text: "any", ref: null };
  if (schema.$ref) return { text: refName(schema.$ref), ref: refName(schema.$ref) };
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const parts = variants.map(typeText);
    return { text: parts.map((p) => p.text).join(" or "), ref: parts.find((p) => p.ref)?.ref ?? null };
  }
  if (schema.enum) return { text: `one of: ${schema.enum.map(String).join(", ")}`, ref: null };
  if (schema.const !== undefined) return { text: JSON.stringify(schema.const), ref: null };
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.includes("array")) {
    const inner = typeText(schema.items);
    return { text: `array of ${inner.text}`, ref: inner.ref };
  }
  let text = types.length === 0 ? "any" : types.join(" or ");
  if (schema.minimum !== undefined || schema.maximum !== undefined) text += ` ${schema.minimum ?? ""}–${schema.maximum ?? ""}`;
  if (schema.maxLength !== undefined) text += `, at most ${schema.maxLength} characters`;
  return { text, ref: null };
}

function describe(schema: JsonSchema | undefined, description?: string): string {
  const parts = [description ?? schema?.description ?? ""];
  if (schema?.default !== undefined) parts.push(`Default ${JSON.stringify(schema.default)}.`);
  return parts.filter((p) => p !== "").join(" ");
}

function rowsOf(schema: JsonSchema): ReferenceRow[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeText(property),
    required: (schema.required ?? []).includes(name),
    description: describe(property),
  }));
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export function buildReference(document: unknown): Reference {
  const doc = document as Document;
  const operations: ReferenceOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      operations.push({
        id: op.operationId ?? `${method}-${path}`.replace(/[^\w-]+/g, "-"),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          location: p.in,
          type: typeText(p.schema),
          required: p.required === true,
          description: describe(p.schema, p.description),
        })),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
          const schema = Object.values(r.content ?? {})[0]?.schema;
          return { status, description: r.description ?? "", type: schema ? typeText(schema) : null };
        }),
      });
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({
    name,
    description: schema.description ?? "",
    rows: rowsOf(schema),
  }));
  return {
    title: doc.info?.title ?? "API",
    version: doc.info?.version ?? "",
    description: doc.info?.description ?? "",
    operations,
    schemas,
  };
}

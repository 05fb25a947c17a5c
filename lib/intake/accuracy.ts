/**
 * How often editors changed the drafter's proposal, per field, from the extraction records
 * (one per accepted draft). Read in batches so a long history is never loaded at once.
 */
import type { Db } from "@/lib/db/client";
import { EXTRACTION_FIELD_LABELS, EXTRACTION_FIELDS, type ExtractionField } from "@/lib/intake/extraction";

export type FieldAccuracy = { field: ExtractionField; label: string; total: number; changed: number; changedShare: number };
export type AccuracyReport = { records: number; unchanged: number; fields: FieldAccuracy[]; since: Date | null };

const BATCH = 1000;

export async function accuracyByField(db: Db, options: { since?: Date } = {}): Promise<AccuracyReport> {
  const counts = new Map<string, number>(EXTRACTION_FIELDS.map((f) => [f, 0]));
  let records = 0;
  let unchanged = 0;
  let first: Date | null = null;
  let cursor = 0;
  for (;;) {
    const rows = await db.extractionRecord.findMany({
      where: { id: { gt: cursor }, ...(options.since ? { createdAt: { gte: options.since } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, changedFields: true, createdAt: true },
    });
    for (const row of rows) {
      records += 1;
      first ??= row.createdAt;
      let changed: unknown;
      try {
        changed = JSON.parse(row.changedFields);
      } catch {
        changed = [];
      }
      const fields = Array.isArray(changed) ? changed.filter((f): f is string => typeof f === "string" && counts.has(f)) : [];
      if (fields.length === 0) unchanged += 1;
      for (const field of new Set(fields)) counts.set(field, (counts.get(field) ?? 0) + 1);
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]?.id ?? cursor;
  }
  return {
    records,
    unchanged,
    since: first,
    fields: EXTRACTION_FIELDS.map((field) => {
      const changed = counts.get(field) ?? 0;
      return { field, label: EXTRACTION_FIELD_LABELS[field], total: records, changed, changedShare: records === 0 ? 0 : changed / records };
    }),
  };
}

import { neutraliseFormula } from "@/lib/csv/formula";
import { buildMatrix, matrixCsvRows } from "@/lib/patterns/matrix";
import { loadPatternView } from "@/lib/patterns/page-data";
import { invalidFilterResponse } from "@/lib/reach/errors";

export const dynamic = "force-dynamic";

const cell = (value: string) => {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

/** The who-does-what-to-whom matrix of a view (same filters as the timeline) as CSV. */
export async function GET(request: Request): Promise<Response> {
  const data = await loadPatternView(new URL(request.url).searchParams.toString());
  // A file cannot show the page's notice: a value the view would ignore is refused (docs/api.md).
  if (data.problems.length > 0) return invalidFilterResponse(data.problems);
  const matrix = buildMatrix(data.rows, data.actors, 12);
  const body = matrixCsvRows(matrix).map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="demarche-matrix.csv"',
    },
  });
}

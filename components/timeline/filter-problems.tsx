import type { FilterProblem } from "@/lib/timeline/filters";

/** What was wrong with the view's query string; the timeline, matrix and map show it alike. */
export function FilterProblems({ problems }: { problems: FilterProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="notice" aria-label="Problems with this link">
      {problems.map((p) => (
        <li key={`${p.param}-${p.value}`}>{p.message}</li>
      ))}
    </ul>
  );
}

/** How each relation kind is drawn: a dash pattern and a colour, always with its name as text. */
export const RELATION_STYLE: Record<string, { stroke: string; dash?: string; text: string }> = {
  "responds-to": { stroke: "#9f1239", text: "responds to" },
  implements: { stroke: "#1d4ed8", dash: "8 4", text: "implements" },
  "follows-up": { stroke: "#44403c", dash: "2 4", text: "follows up" },
  eases: { stroke: "#047857", dash: "12 4 2 4", text: "eases" },
  supersedes: { stroke: "#6d28d9", dash: "1 3 6 3", text: "supersedes" },
};
export const relationStyle = (kind: string) => RELATION_STYLE[kind] ?? { stroke: "#44403c", dash: "4 4", text: kind };

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

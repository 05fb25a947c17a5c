/** Shortens text to at most `max` characters at a word boundary, ending with "…". */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const endsOnWord = /\s/.test(text.charAt(max - 1));
  const space = cut.lastIndexOf(" ");
  const kept = endsOnWord || space <= max * 0.6 ? cut : cut.slice(0, space);
  return `${kept.replace(/[\s,.;:–-]+$/, "")}…`;
}

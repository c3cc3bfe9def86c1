/**
 * A case-insensitive `ILIKE` pattern matching `words` anywhere, with `%`, `_` and `\` taken literally
 * (backslash is PostgreSQL's default LIKE escape; `ESCAPE '\'` may say so explicitly).
 */
export function containsPattern(words: string): string {
  return `%${words.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Splits on a separator outside parentheses and quoted strings: `a,b($select=c,d),e`. */
export function splitTopLevel(input: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of input) {
    if (ch === "'") quoted = !quoted;
    if (!quoted) {
      if (ch === '(') depth += 1;
      if (ch === ')') depth -= 1;
      if (depth < 0) throw new Error(`Unbalanced ')' in '${input}'.`);
      if (ch === separator && depth === 0) {
        parts.push(current);
        current = '';
        continue;
      }
    }
    current += ch;
  }
  if (depth !== 0 || quoted) throw new Error(`Unbalanced parentheses or quotes in '${input}'.`);
  parts.push(current);
  return parts.map((part) => part.trim());
}

/** Raw fields of an unreadable item as text lines: `Name: value`, sorted, long values cut, control characters shown as "?". */
export const RAW_VALUE_MAX = 500;

export function rawFieldLines(fields: Record<string, unknown>, max = RAW_VALUE_MAX): string[] {
  return Object.keys(fields)
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const value = fields[key];
      const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
      // eslint-disable-next-line no-control-regex
      const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '?');
      return `${key}: ${clean.length > max ? `${clean.slice(0, max)} … (${clean.length})` : clean}`;
    });
}

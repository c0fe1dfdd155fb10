/**
 * Path patterns with parameters. Literal parts match case-insensitively (Graph ignores case
 * in segment names). Parameters:
 *   {name}   one path segment, stops at "/" (it may contain ":" only if no literal follows it)
 *   {name+}  one or more segments, may contain "/" (for `root:/{path+}:/content`)
 * Examples: `/users/{id}`, `/sites/{hostname}:/sites/{path+}`, `/drives/{id}/root:/{path+}:/content`.
 * When several patterns match, the one with the most literal characters wins, so
 * `/sites/root` beats `/sites/{siteId}` and `/me/memberOf` beats `/me/{anything}`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}

interface CompiledPattern {
  pattern: string;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

export function compilePattern(pattern: string): CompiledPattern {
  if (!pattern.startsWith('/')) throw new Error(`Route pattern must start with "/": ${pattern}`);
  const names: string[] = [];
  let literalLength = 0;
  let source = '';
  const token = /\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}/g;
  let last = 0;
  for (let m = token.exec(pattern); m; m = token.exec(pattern)) {
    const literal = pattern.slice(last, m.index);
    source += escapeRegex(literal);
    literalLength += literal.length;
    const name = m[1] as string;
    if (names.includes(name)) throw new Error(`Route pattern repeats parameter {${name}}: ${pattern}`);
    names.push(name);
    source += m[2] === '+' ? '(.+?)' : '([^/]+?)';
    last = m.index + m[0].length;
  }
  const tail = pattern.slice(last);
  source += escapeRegex(tail);
  literalLength += tail.length;
  return { pattern, regex: new RegExp(`^${source}/?$`, 'i'), names, literalLength };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RouteMatch<R> {
  route: R;
  pattern: string;
  params: Record<string, string>;
}

export type RouteLookup<R> =
  | { kind: 'found'; match: RouteMatch<R> }
  | { kind: 'methodNotAllowed'; allowed: HttpMethod[] }
  | { kind: 'notFound' };

interface RouterEntry<R> {
  method: HttpMethod;
  compiled: CompiledPattern;
  route: R;
}

export class Router<R> {
  private readonly entries: RouterEntry<R>[] = [];

  add(method: HttpMethod, pattern: string, route: R): void {
    const compiled = compilePattern(pattern);
    const clash = this.entries.find((e) => e.method === method && e.compiled.pattern.toLowerCase() === pattern.toLowerCase());
    if (clash) throw new Error(`Route registered twice: ${method} ${pattern}`);
    this.entries.push({ method, compiled, route });
  }

  /** `path` is the decoded path, without query string. */
  lookup(method: string, path: string): RouteLookup<R> {
    let best: { entry: RouterEntry<R>; values: string[] } | undefined;
    const allowed = new Set<HttpMethod>();
    let bestOtherLength = -1;
    for (const entry of this.entries) {
      const m = entry.compiled.regex.exec(path);
      if (!m) continue;
      if (entry.method !== method) {
        allowed.add(entry.method);
        bestOtherLength = Math.max(bestOtherLength, entry.compiled.literalLength);
        continue;
      }
      if (!best || entry.compiled.literalLength > best.entry.compiled.literalLength) {
        best = { entry, values: m.slice(1) };
      }
    }
    // A more specific pattern for another method (e.g. POST /me/x vs GET /me/{id}) means
    // the caller addressed that resource with the wrong method.
    if (best && best.entry.compiled.literalLength >= bestOtherLength) {
      const params: Record<string, string> = {};
      const values = best.values;
      best.entry.compiled.names.forEach((name, i) => {
        params[name] = values[i] ?? '';
      });
      return { kind: 'found', match: { route: best.entry.route, pattern: best.entry.compiled.pattern, params } };
    }
    if (allowed.size > 0) return { kind: 'methodNotAllowed', allowed: [...allowed] };
    return { kind: 'notFound' };
  }

  patterns(): { method: HttpMethod; pattern: string }[] {
    return this.entries.map((e) => ({ method: e.method, pattern: e.compiled.pattern }));
  }
}

/** Decodes each segment of a raw URL path; keeps "/" as the separator. */
export function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

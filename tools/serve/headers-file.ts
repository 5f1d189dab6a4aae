export interface HeaderRule {
  /** Path pattern as in _headers: exact, with `:placeholder` segments, or ending in `*`. */
  pattern: string;
  headers: [string, string][];
}

/** Parses a Netlify/Cloudflare Pages `_headers` file. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const colon = line.indexOf(':');
    if (!rule || colon === -1) throw new Error(`_headers: "${line.trim()}" is not "Name: value" under a path.`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a _headers path pattern matches a path: `:name` is one segment, a final `*` any rest. */
export function matches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(:[A-Za-z_]\w*|\*$)/)
    .map((piece) => (piece === '*' ? '.*' : piece.startsWith(':') ? '[^/]+' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a path gets: every matching rule in file order, a later rule
 * replacing an earlier one's value for the same header (how Cloudflare Pages
 * and Netlify let a specific path override the catch-all).
 */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) result[name] = value;
  }
  return result;
}

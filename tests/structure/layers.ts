/**
 * The layers of the project, and which may import which. Data moves one way
 * (raw text → tools/import → content/ → the site's build → dist/), and the
 * code follows it:
 *
 * - shared: src/article (the article contract), src/i18n, src/search,
 *   src/settings.ts — what the site and the tools both need; imports only
 *   itself.
 * - site: the rest of src/ (pages, components, layouts, data, loaders,
 *   integrations, src/site's rules) and astro.config.mjs — imports shared.
 * - client: src/client, shipped to the browser — imports shared.
 * - tools: tools/ (import, verify, bench, fonts and what they share) —
 *   imports shared, never the site.
 */
export type Layer = 'shared' | 'site' | 'client' | 'tools';

const SHARED = ['src/article/', 'src/i18n/', 'src/search/', 'src/settings.ts'];

export function layerOf(file: string): Layer | undefined {
  if (file.startsWith('tools/')) return 'tools';
  if (file.startsWith('src/client/')) return 'client';
  if (SHARED.some((prefix) => file === prefix || file.startsWith(prefix))) return 'shared';
  if (file.startsWith('src/') || file === 'astro.config.mjs') return 'site';
  return undefined;
}

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  shared: ['shared'],
  site: ['site', 'shared'],
  client: ['client', 'shared'],
  tools: ['tools', 'shared'],
};

/** Every import that crosses the layers the wrong way, as `from → to (from layer → to layer)`. */
export function layerViolations(imports: ReadonlyMap<string, readonly string[]>): string[] {
  const violations: string[] = [];
  for (const [from, targets] of imports) {
    const fromLayer = layerOf(from);
    if (!fromLayer) continue;
    for (const to of targets) {
      const toLayer = layerOf(to);
      if (toLayer && !MAY_IMPORT[fromLayer].includes(toLayer)) violations.push(`${from} → ${to} (${fromLayer} may not import ${toLayer})`);
    }
  }
  return violations.sort();
}

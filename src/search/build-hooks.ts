/**
 * How the article pages talk to the search index build while Astro renders
 * them (src/integrations/pagefind.ts). The integration and the pages live in
 * different module graphs (Astro's config and the bundled site), so the
 * integration leaves its hooks on globalThis; outside `astro build` there are
 * none and these calls do nothing.
 */
export interface SearchIndexPage {
  locale: string;
  slug: string;
  /** `YYYY-MM-DD`, or undefined when undated. */
  date?: string;
  /** The content digest of the article's file: an unchanged part keeps its index. */
  digest: string;
}

export interface SearchIndexHooks {
  /** Every article the build will have, before any is rendered. */
  plan(pages: SearchIndexPage[]): void;
  /** An article page was rendered (its file is on disk by the next call). */
  rendered(locale: string, slug: string): void;
}

const HOOKS = Symbol.for('arshif.searchIndexHooks');

export function searchIndexHooks(): SearchIndexHooks | undefined {
  return (globalThis as { [HOOKS]?: SearchIndexHooks })[HOOKS];
}

export function setSearchIndexHooks(hooks: SearchIndexHooks | undefined): void {
  (globalThis as { [HOOKS]?: SearchIndexHooks })[HOOKS] = hooks;
}

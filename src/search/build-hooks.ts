import { channel } from 'node:diagnostics_channel';

/**
 * How the article pages tell the search index build what they render while
 * Astro renders them (src/integrations/pagefind.ts indexes each page as soon
 * as it is written, on the other core). The integration and the pages live in
 * different module graphs (Astro's config and the bundled site), so they
 * cannot share a variable; they share a named Node diagnostics channel, which
 * Node keeps one of per name for the whole process and whose messages reach
 * their subscribers synchronously. Outside `astro build` nobody subscribes
 * and these calls do nothing.
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

type SearchIndexMessage = { kind: 'plan'; pages: SearchIndexPage[] } | { kind: 'rendered'; locale: string; slug: string };

const searchIndexChannel = channel('arshif:search-index');

/** The article pages' side: every article the build will have, before any is rendered. */
export function planSearchIndex(pages: () => SearchIndexPage[]): void {
  if (searchIndexChannel.hasSubscribers) searchIndexChannel.publish({ kind: 'plan', pages: pages() } satisfies SearchIndexMessage);
}

/** The article pages' side: this article's page is being rendered. */
export function articlePageRendered(locale: string, slug: string): void {
  if (searchIndexChannel.hasSubscribers) searchIndexChannel.publish({ kind: 'rendered', locale, slug } satisfies SearchIndexMessage);
}

/** The index build's side: receives the pages' messages until the returned function is called. */
export function listenForArticlePages(hooks: SearchIndexHooks): () => void {
  const listener = (message: unknown) => {
    const received = message as SearchIndexMessage;
    if (received.kind === 'plan') hooks.plan(received.pages);
    else hooks.rendered(received.locale, received.slug);
  };
  searchIndexChannel.subscribe(listener);
  return () => searchIndexChannel.unsubscribe(listener);
}

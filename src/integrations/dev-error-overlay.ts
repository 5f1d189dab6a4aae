import { channel } from 'node:diagnostics_channel';
import type { AstroIntegration } from 'astro';

/**
 * `npm run dev`: an article the content loader refuses after a hand edit
 * (`{1+1}` in a body, broken front matter) shows in the open page, in the
 * error overlay Astro shows for a broken component, naming the file, the line
 * and what to do — not only in the terminal while the page keeps the old
 * text. Fixing the file reloads the page, which takes the overlay away.
 *
 * The loader and this integration live in different module graphs (the
 * content config and Astro's config), so they share a named Node diagnostics
 * channel, as src/search/build-hooks.ts does. Outside `astro dev` nobody
 * subscribes and the loader's calls do nothing.
 */
export interface ArticleLoadFailure {
  /** The whole message: the file and line, what is wrong and what to do. */
  message: string;
  /** The article's absolute path, when one file is at fault. */
  file?: string;
  /** Its 1-based line. */
  line?: number;
}

type ArticleLoadMessage = { kind: 'failed'; failure: ArticleLoadFailure } | { kind: 'loaded' };

const articleLoadChannel = channel('arshif:article-load');

/** The loader's side: the archive could not be loaded again after an edit. */
export function articleLoadFailed(failure: ArticleLoadFailure): void {
  if (articleLoadChannel.hasSubscribers) articleLoadChannel.publish({ kind: 'failed', failure } satisfies ArticleLoadMessage);
}

/** The loader's side: the archive loaded again, every file accepted. */
export function articlesLoaded(): void {
  if (articleLoadChannel.hasSubscribers) articleLoadChannel.publish({ kind: 'loaded' } satisfies ArticleLoadMessage);
}

/** An Error that names the article file and line it is about, for the overlay's code frame. */
export class ArticleFileError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(message: string, file: string, line: number) {
    super(message);
    this.name = 'ArticleFileError';
    this.file = file;
    this.line = line;
  }
}

/** The failure a loader error describes: its file and line when it names them, else the file being read when it was thrown. */
export function failureOf(error: unknown, reading?: string): ArticleLoadFailure {
  if (error instanceof ArticleFileError) return { message: error.message, file: error.file, line: error.line };
  return { message: error instanceof Error ? error.message : String(error), ...(reading ? { file: reading } : {}) };
}

/** The integration: shows each failure in the open pages, and reloads them once the archive loads again. */
export function devErrorOverlay(): AstroIntegration {
  return {
    name: 'arshif-dev-error-overlay',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const hot = server.environments.client.hot;
        let shown: ArticleLoadFailure | undefined;
        const send = (failure: ArticleLoadFailure) =>
          hot.send({
            type: 'error',
            err: {
              name: 'ArticleError',
              message: failure.message,
              // No stack: Astro would read the file and line from it instead of `loc`.
              stack: '',
              ...(failure.file ? { id: failure.file, loc: { file: failure.file, line: failure.line ?? 1, column: 1 } } : {}),
            },
          });
        const listener = (message: unknown) => {
          const received = message as ArticleLoadMessage;
          if (received.kind === 'failed') {
            shown = received.failure;
            send(shown);
          } else if (shown) {
            shown = undefined;
            hot.send({ type: 'full-reload', path: '*' });
          }
        };
        articleLoadChannel.subscribe(listener);
        // A page opened or reloaded while the archive is still refused sees the error too.
        hot.on('connection', () => {
          if (shown) send(shown);
        });
        server.httpServer?.once('close', () => articleLoadChannel.unsubscribe(listener));
      },
    },
  };
}

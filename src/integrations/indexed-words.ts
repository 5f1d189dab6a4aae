import { Worker } from 'node:worker_threads';

/** A part's word counts as its cache file stores them: per language, [word, count] pairs. */
export type PartWords = [string, [string, number][]][];

export interface CountMessage {
  kind: 'count';
  part: string;
  html: string;
}

export interface TakeMessage {
  kind: 'take';
  part: string;
}

/**
 * Counts the words of the indexed pages, for the search vocabulary, on a
 * thread of its own. Parsing every page's HTML again took about a tenth of
 * the main thread's time while Astro renders (measured at 2,000 articles);
 * here it runs beside rendering, as Pagefind's indexing does.
 */
export class IndexedWordCounter {
  readonly #worker = new Worker(new URL('./indexed-words-worker.ts', import.meta.url));
  readonly #waiting = new Map<string, { resolve: (words: PartWords) => void; reject: (error: unknown) => void }>();
  #failure: unknown;

  constructor() {
    this.#worker.on('message', ({ part, words }: { part: string; words: PartWords }) => {
      this.#waiting.get(part)?.resolve(words);
      this.#waiting.delete(part);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the word-counting thread stopped (exit code ${code})`)));
  }

  /** Counts one page of a part; pages are counted in the order they are given. */
  count(part: string, html: string): void {
    this.#worker.postMessage({ kind: 'count', part, html } satisfies CountMessage);
  }

  /** The part's counts over every page given so far; the thread forgets them. */
  take(part: string): Promise<PartWords> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting.set(part, { resolve, reject });
      this.#worker.postMessage({ kind: 'take', part } satisfies TakeMessage);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }

  #fail(error: unknown): void {
    this.#failure ??= error;
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}

import lunr from 'lunr';
import lunrArabic from 'lunr-languages/lunr.ar.js';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import MiniSearch from 'minisearch';

/** One article of an evaluation set. */
export interface EvalArticle {
  id: string;
  title: string;
  text: string;
}

/** A search engine over one set's articles: the ids it ranks for a query, best first. */
export interface SearchEngine {
  name: string;
  search(query: string): Promise<string[]>;
}

lunrStemmerSupport(lunr);
lunrArabic(lunr);

/** Lunr 2.3 with lunr-languages' Arabic pipeline (its stemmer and stop words). */
export function lunrArabicEngine(articles: readonly EvalArticle[]): SearchEngine {
  const index = lunr(function () {
    // biome-ignore lint/suspicious/noExplicitAny: lunr-languages adds `ar` to lunr without types.
    this.use((lunr as any).ar);
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const article of articles) this.add(article);
  });
  return {
    name: 'Lunr 2.3 + lunr-languages ar',
    async search(query) {
      // Lunr's query syntax (+ - : ~ ^ *) would read punctuation in a query as operators.
      const plain = query.replace(/[+\-:~^*"«»]/g, ' ');
      try {
        return index.search(plain).map((result) => result.ref);
      } catch {
        return [];
      }
    },
  };
}

/** MiniSearch with its defaults; optionally with an Arabic letter fold as its term processor. */
export function miniSearchEngine(articles: readonly EvalArticle[], fold?: (term: string) => string): SearchEngine {
  const options = fold ? { fields: ['title', 'text'], processTerm: (term: string) => fold(term.toLowerCase()) } : { fields: ['title', 'text'] };
  const index = new MiniSearch<EvalArticle>(options);
  index.addAll([...articles]);
  return {
    name: fold ? 'MiniSearch 7.2 + Arabic letter fold' : 'MiniSearch 7.2 (defaults)',
    async search(query) {
      return index.search(query).map((result) => String(result.id));
    },
  };
}

/** The five-line fold the issue measured beside MiniSearch: hamza seats, ta marbuta, alif maqsura, marks, tatweel. */
export function simpleArabicFold(term: string): string {
  return term
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

import type { WordKey } from './keying/interface.ts';
import { foldedWordSpellings, isKeyedWord, keysWithCertainty } from './keying/registry.ts';
import { MAX_QUERY_WORDS, splitWords } from './words.ts';

/**
 * What a result's own text says about a query, checked after Pagefind has
 * proposed it. Pagefind matches by its stemmer, which folds unrelated Arabic
 * words together (فني "technical" and فن "art") and lets a detached letter
 * stand for a word; the text of the page tells whether it really holds a form
 * of each typed word. Pure: the search page passes the text it loaded.
 */

/** Quotation marks that open a phrase, with the mark that closes it. */
const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“', '”': '”' };

export interface ParsedQuery {
  /** Every word, in order, distinct, at most MAX_QUERY_WORDS (phrases' words included). */
  words: string[];
  /** Quoted runs of at least two words, each to be found as written, in order. */
  phrases: string[][];
}

/** Splits a query into its words and its quoted phrases ("…", «…», “…”). */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  const all: string[] = [];
  let rest = query;
  while (rest.length) {
    const open = [...rest].findIndex((char) => char in QUOTES);
    if (open === -1) {
      all.push(...splitWords(rest));
      break;
    }
    const chars = [...rest];
    all.push(...splitWords(chars.slice(0, open).join('')));
    const closeMark = QUOTES[chars[open]!]!;
    const afterOpen = chars.slice(open + 1);
    const close = afterOpen.indexOf(closeMark);
    const inside = close === -1 ? afterOpen.join('') : afterOpen.slice(0, close).join('');
    const phraseWords = splitWords(inside);
    if (phraseWords.length >= 2) phrases.push(phraseWords);
    all.push(...phraseWords);
    rest = close === -1 ? '' : afterOpen.slice(close + 1).join('');
  }
  return { words: [...new Set(all)].slice(0, MAX_QUERY_WORDS), phrases };
}

/** The query with its quotation marks taken out: what the index is asked for word by word. */
export function withoutQuotes(query: string): string {
  return query
    .replace(/["«»“”„]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the query holds a quoted phrase of two words or more. */
export function hasPhrase(query: string): boolean {
  return parseQuery(query).phrases.length > 0;
}

/** A word's folded spellings and (once asked for) keys: what matchTier compares, the same whatever the query. */
interface WordForms {
  spellings: string[];
  keys?: WordKey[];
}

// A search checks up to 40 texts of a few hundred distinct words each against
// every query word, and the same words recur from text to text and search to
// search: their forms are worked out once (measured: 16 results for «روسيا»
// checked in 33 ms without this, 4x that on a phone). Bounded, so a long
// session does not grow it without end.
const formsOfWord = new Map<string, WordForms>();
const MAX_REMEMBERED_WORDS = 50_000;

function formsOf(word: string): WordForms {
  let forms = formsOfWord.get(word);
  if (!forms) {
    if (formsOfWord.size >= MAX_REMEMBERED_WORDS) formsOfWord.clear();
    forms = { spellings: foldedWordSpellings(word) };
    formsOfWord.set(word, forms);
  }
  return forms;
}

/**
 * How a text's word stands to a query word: 0 the typed word itself (up to
 * the spellings Pagefind folds), 1 the same word under a proclitic chain or
 * without its article, undefined not the word. A one-letter text word never
 * stands for a longer query word.
 */
export function matchTier(textWord: string, queryWord: string): 0 | 1 | undefined {
  if (!isKeyedWord(queryWord)) {
    const text = textWord.toLowerCase();
    const query = queryWord.toLowerCase();
    if (text === query) return 0;
    // Latin words: Pagefind's stem decides; a shared start of four letters is the same word here.
    const common = Math.min(query.length, text.length, Math.max(4, query.length - 2));
    return common >= 4 && text.slice(0, common) === query.slice(0, common) ? 1 : undefined;
  }
  const text = formsOf(textWord);
  const query = formsOf(queryWord);
  if ([...text.spellings[0]!].length === 1 && [...query.spellings[0]!].length > 1) return undefined;
  if (text.spellings.some((spelling) => query.spellings.includes(spelling))) return 0;
  // Any chain on the text's side: بالمدارس, وللمدارس and مدارس are all المدارس.
  query.keys ??= keysWithCertainty(queryWord);
  const sureKeys = query.keys.filter(({ sure }) => sure);
  text.keys ??= keysWithCertainty(textWord);
  return text.keys.some(({ key }) => sureKeys.some((queryKey) => queryKey.key === key)) ? 1 : undefined;
}

/**
 * True when some text holds every query word in some form (matchTier): when
 * none does, what Pagefind found are stem relatives only, and a typo is likely.
 */
export function holdsEveryWord(text: string, words: readonly string[]): boolean {
  const tokens = [...new Set(splitWords(text))];
  return words.every((word) => tokens.some((token) => matchTier(token, word) !== undefined));
}

/** How far a text is from holding every query word: per word 0, 1, or 2 when only a stem relative matched. */
export function textDistance(text: string, words: readonly string[]): number {
  const tokens = [...new Set(splitWords(text))];
  let total = 0;
  for (const word of words) {
    let best = 2;
    for (const token of tokens) {
      const tier = matchTier(token, word);
      if (tier !== undefined && tier < best) best = tier;
      if (best === 0) break;
    }
    total += best;
  }
  return total;
}

/** True when the text holds the phrase's words one after the other (each as matchTier allows). */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  const tokens = splitWords(text);
  outer: for (let start = 0; start + phrase.length <= tokens.length; start++) {
    for (let offset = 0; offset < phrase.length; offset++) {
      if (matchTier(tokens[start + offset]!, phrase[offset]!) === undefined) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * How many of the first results a search reads the text of and re-ranks
 * (rankByText): two screenfuls (the search page shows 8), so a page holding
 * the typed word can climb above pages that matched only through Pagefind's
 * stemmer; more when the query holds a quoted phrase, whose pages are kept
 * only when the text has it. Each costs the reader a page's text (about
 * 1.8 KB gzipped), but 9 lost the proclitic-chain queries of the
 * search-relevance suite (the page holding «وال» as typed was 10th or lower
 * in Pagefind's order).
 */
export const VERIFIED_RESULTS = 16;
export const VERIFIED_RESULTS_WITH_PHRASE = 40;

/**
 * Re-ranks results by what their texts hold, stably: pages holding every
 * typed word as typed first, then as the same word under other proclitics,
 * and pages that matched only through Pagefind's stemmer last. Pages missing
 * a quoted phrase are dropped. `groupOf` keeps groups in their order (the
 * number of query words a page lacks: a page holding a word through another
 * spelling must not fall below one lacking it), re-ranking within each.
 */
export function rankByText<T>(items: readonly T[], textOf: (item: T) => string, query: ParsedQuery, groupOf: (item: T) => number = () => 0): T[] {
  return items
    .map((item, index) => ({ item, index, text: textOf(item), group: groupOf(item) }))
    .filter(({ text }) => query.phrases.every((phrase) => containsPhrase(text, phrase)))
    .map((entry) => ({ ...entry, distance: textDistance(entry.text, query.words) }))
    .sort((a, b) => a.group - b.group || a.distance - b.distance || a.index - b.index)
    .map(({ item }) => item);
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import { seededRandom } from './random.ts';

/**
 * Real word forms for the benchmark corpus, read from the cspell dictionaries
 * (@cspell/dict-ar, @cspell/dict-en_us; dev dependencies). The Arabic trie
 * holds some 60 million inflected forms, too many to list, so words are drawn
 * from it by a weighted random walk: every node knows how many words lie
 * below it (counted once, the trie is a DAG of shared suffixes), so a walk
 * that follows children in proportion to their counts picks a uniform word.
 * The walk stops early on a word more often the deeper it is, so that the
 * sample leans towards the shorter forms running text is made of.
 */

export type Locale = 'ar' | 'en';

export interface WordList {
  locale: Locale;
  /** Word forms in Zipf rank order: words[0] is the most frequent. */
  words: readonly string[];
  /** How many leading entries are the hand-listed function words. */
  functionWords: number;
}

/** Arabic function words, most frequent first: they take ranks 1..N. */
export const ARABIC_FUNCTION_WORDS = [
  'في',
  'من',
  'على',
  'إلى',
  'أن',
  'التي',
  'الذي',
  'عن',
  'مع',
  'بعد',
  'قال',
  'وقال',
  'هذا',
  'هذه',
  'إن',
  'كان',
  'ما',
  'لا',
  'أو',
  'ثم',
  'كما',
  'بين',
  'حتى',
  'قد',
  'لم',
  'الذين',
  'عند',
  'كل',
  'وفي',
  'ومن',
  'ذلك',
  'تلك',
  'منذ',
  'خلال',
  'حول',
  'لكن',
  'أي',
  'هو',
  'هي',
  'وأن',
];

/** English function words, most frequent first. */
export const ENGLISH_FUNCTION_WORDS = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'that',
  'for',
  'on',
  'with',
  'as',
  'by',
  'at',
  'from',
  'it',
  'was',
  'said',
  'be',
  'are',
  'an',
  'this',
  'which',
  'has',
  'have',
  'not',
  'but',
  'were',
  'after',
  'its',
  'or',
  'had',
  'their',
  'been',
  'who',
  'will',
  'would',
  'they',
  'more',
  'than',
];

/**
 * A few names from the seed article, at moderate ranks (a few hundred):
 * the benchmark's first search asks for «لروسيا» and should find articles.
 */
const ARABIC_TOPIC_WORDS = ['روسيا', 'لروسيا', 'أذربيجان', 'أرمينيا', 'تركيا', 'قره', 'باغ', 'الروسية', 'موسكو', 'السلام'];
const ENGLISH_TOPIC_WORDS = ['Russia', 'Azerbaijan', 'Armenia', 'Turkey', 'Karabakh', 'Moscow', 'peace', 'conflict'];
const TOPIC_RANK = 200;

/** How many distinct forms to draw from each dictionary. */
export const ARABIC_VOCABULARY = 300_000;

const require = createRequire(import.meta.url);

/** A file of a dictionary package; the packages export only their cspell-ext.json. */
const dictionaryFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/cspell-ext.json`)), file);

interface TrieNode {
  readonly id: unknown;
  readonly eow: boolean;
  entries(): Iterable<[string, TrieNode]>;
}

/** A trie node with the number of words below each child, for weighted walks. */
interface Weighted {
  eow: boolean;
  /** Words ending here or below. */
  total: number;
  keys: string[];
  children: Weighted[];
  /** Running sums of the children's word counts. */
  cumulative: Float64Array;
}

/** Samples words from a cspell trie; keys `allowedKey` rejects (cspell's ~ ! + markers, foreign letters) are pruned. */
function trieSampler(file: string, allowedKey: (key: string) => boolean) {
  const trie = decodeTrie(gunzipSync(readFileSync(file)).toString('utf8'));
  const root = trie.data.getRoot() as unknown as TrieNode;
  // The trie shares suffixes, so each node is weighed once, keyed by its id.
  const weighed = new Map<number | string, Weighted>();
  const weigh = (node: TrieNode): Weighted => {
    const id = typeof node.id === 'bigint' || typeof node.id === 'number' ? Number(node.id) : String(node.id);
    let entry = weighed.get(id);
    if (entry) return entry;
    const keys: string[] = [];
    const children: Weighted[] = [];
    const sums: number[] = [];
    let sum = 0;
    for (const [key, child] of node.entries()) {
      if (!allowedKey(key)) continue;
      const below = weigh(child);
      if (below.total === 0) continue;
      sum += below.total;
      keys.push(key);
      children.push(below);
      sums.push(sum);
    }
    entry = { eow: node.eow, total: sum + (node.eow ? 1 : 0), keys, children, cumulative: Float64Array.from(sums) };
    weighed.set(id, entry);
    return entry;
  };
  const top = weigh(root);
  /** One word; `stopAt(depth)` is the extra chance of ending on a word at that depth. */
  return (random: () => number, stopAt: (depth: number) => number): string => {
    let node = top;
    let word = '';
    for (;;) {
      if (node.eow && (node.keys.length === 0 || random() < Math.max(1 / node.total, stopAt(word.length)))) return word;
      const sums = node.cumulative;
      const target = random() * sums[sums.length - 1]!;
      let low = 0;
      let high = sums.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sums[middle]! > target) high = middle;
        else low = middle + 1;
      }
      word += node.keys[low]!;
      node = node.children[low]!;
    }
  };
}

/** A seeded Fisher–Yates shuffle, in place. */
function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/**
 * Ranks the sampled forms: a seeded shuffle, then a loose sort by length (the
 * frequent words of a language are its short ones), the function words first
 * and the seed's topic words at rank ~200.
 */
function rank(random: () => number, forms: Iterable<string>, functionWords: string[], topicWords: string[]): string[] {
  const reserved = new Set([...functionWords, ...topicWords]);
  // Names (capitalised) are rarer than common words of the same length.
  const keyed = shuffle(
    random,
    [...forms].filter((word) => !reserved.has(word)),
  ).map((word) => ({
    word,
    key: [...word].length + 4 * random() + (/^\p{Lu}/u.test(word) ? 4 : 0),
  }));
  keyed.sort((a, b) => a.key - b.key);
  const ranked = keyed.map(({ word }) => word);
  ranked.splice(Math.max(0, TOPIC_RANK - functionWords.length), 0, ...topicWords);
  return [...functionWords, ...ranked];
}

const ARABIC_LETTER = /^[\u0621-\u063A\u0641-\u064A]$/u;

function loadArabic(): WordList {
  const sample = trieSampler(dictionaryFile('@cspell/dict-ar', 'ar.trie.gz'), (key) => ARABIC_LETTER.test(key));
  const random = seededRandom(0xa11ce);
  // Past three letters, an Arabic form ends on a word ever more readily: short forms dominate text.
  const stopAt = (depth: number) => (depth < 3 ? 0 : Math.min(0.6, 0.12 * (depth - 2)));
  const forms = new Set<string>();
  for (let tries = 0; forms.size < ARABIC_VOCABULARY && tries < ARABIC_VOCABULARY * 6; tries++) {
    // The walk follows Arabic letters only (one code unit each), so the length is the letter count.
    const word = sample(random, stopAt);
    if (word.length >= 2 && word.length <= 14) forms.add(word);
  }
  return { locale: 'ar', words: rank(random, forms, ARABIC_FUNCTION_WORDS, ARABIC_TOPIC_WORDS), functionWords: ARABIC_FUNCTION_WORDS.length };
}

const ENGLISH_WORD = /^[A-Za-z][a-z]*(?:'s)?$/;

function loadEnglish(): WordList {
  // The English list is small enough (~190,000 forms) to take whole.
  const trie = decodeTrie(gunzipSync(readFileSync(dictionaryFile('@cspell/dict-en_us', 'en_US.trie.gz'))).toString('utf8'));
  const forms: string[] = [];
  for (const word of trie.words()) {
    if (word.length >= 3 && word.length <= 16 && ENGLISH_WORD.test(word) && /[aeiouy]/i.test(word)) forms.push(word);
  }
  const random = seededRandom(0xe11e);
  return { locale: 'en', words: rank(random, new Set(forms), ENGLISH_FUNCTION_WORDS, ENGLISH_TOPIC_WORDS), functionWords: ENGLISH_FUNCTION_WORDS.length };
}

const cache = new Map<Locale, WordList>();

/** The ranked word list of a locale, decoded once per process. */
export function wordList(locale: Locale): WordList {
  let list = cache.get(locale);
  if (!list) {
    list = locale === 'ar' ? loadArabic() : loadEnglish();
    cache.set(locale, list);
  }
  return list;
}

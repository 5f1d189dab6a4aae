import { indexedFormOf, isKeyedWord, keysOf } from './keying/registry.ts';

/**
 * The search vocabulary: for every key (see keysOf) the written forms of
 * the archive that share it, most frequent first. At query time it tells
 * which real words to ask Pagefind for — لروسيا leads to روسيا — so the
 * expansion never guesses at words that are not in the archive.
 */
export type VocabularyShard = Record<string, string[]>;

/** Most forms kept per key: each one costs a Pagefind lookup at query time. */
export const MAX_FORMS_PER_KEY = 16;

/** A word, or words joined by a maqaf (U+05BE). */
const INDEXED_WORD = /[\p{L}\p{M}\p{N}]+(?:\u05BE[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The words of a text as Pagefind indexes them: runs of letters, marks and
 * digits (splitWords), except that words joined by a Hebrew maqaf are one
 * word to Pagefind (אֶת־הָאַיִל is indexed as אתהאיל, and האיל alone does not
 * find it), so they are one form here too.
 */
export function indexedWords(text: string): string[] {
  return text.match(INDEXED_WORD) ?? [];
}

/** Adds the keyed words (Arabic script, Hebrew) of one text to `counts`, each in the form Pagefind indexes. */
export function addArabicScriptWords(counts: Map<string, number>, text: string): Map<string, number> {
  for (const word of indexedWords(text)) {
    if (!isKeyedWord(word)) continue;
    const form = indexedFormOf(word);
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return counts;
}

/** Collects word counts from article texts (Arabic-script words only). */
export function countArabicScriptWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) addArabicScriptWords(counts, text);
  return counts;
}

/**
 * Shard a key belongs to: its first two characters as hex code points, so
 * file names stay ASCII and a query fetches a few small files, not the whole
 * vocabulary.
 */
export function shardIdForKey(key: string): string {
  return [...key]
    .slice(0, 2)
    .map((char) => char.codePointAt(0)!.toString(16).padStart(4, '0'))
    .join('-');
}

/** Groups the forms by key and the keys by shard. */
export function buildVocabularyShards(counts: Map<string, number>): Map<string, VocabularyShard> {
  const formsByKey = new Map<string, string[]>();
  for (const form of counts.keys()) {
    for (const key of keysOf(form)) {
      const forms = formsByKey.get(key);
      if (forms) forms.push(form);
      else formsByKey.set(key, [form]);
    }
  }
  // Keys sorted within each shard, not all together: the same files, and
  // hundreds of small sorts cost half of one sort of 380,000 keys (measured).
  const keysByShard = new Map<string, string[]>();
  for (const key of formsByKey.keys()) {
    const shardId = shardIdForKey(key);
    const keys = keysByShard.get(shardId);
    if (keys) keys.push(key);
    else keysByShard.set(shardId, [key]);
  }
  const byCount = (a: string, b: string) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
  const shards = new Map<string, VocabularyShard>();
  for (const shardId of [...keysByShard.keys()].sort()) {
    const shard: VocabularyShard = {};
    for (const key of keysByShard.get(shardId)!.sort()) shard[key] = formsByKey.get(key)!.sort(byCount).slice(0, MAX_FORMS_PER_KEY);
    shards.set(shardId, shard);
  }
  return shards;
}

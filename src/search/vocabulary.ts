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

/**
 * Most distinct forms one article adds to the vocabulary, its most frequent
 * first. A long real article has a few thousand (the bench's longest messy
 * ones about 1,500); a crafted one of 650 KB has a hundred thousand, which
 * would otherwise fill the shards every reader's queries fetch. Forms left
 * out are still indexed by Pagefind and found as typed.
 */
export const MAX_FORMS_PER_ARTICLE = 4000;

/**
 * Longest form, in characters, that enters the vocabulary: no reader types a
 * longer word, and one run of letters must not make a shard of its own size.
 */
export const MAX_FORM_LENGTH = 40;

/** Adds the keyed words (Arabic script, Hebrew) of one text to `counts`, each in the form Pagefind indexes. */
export function addArabicScriptWords(counts: Map<string, number>, text: string): Map<string, number> {
  const ofText = new Map<string, number>();
  for (const word of indexedWords(text)) {
    if (!isKeyedWord(word)) continue;
    const form = indexedFormOf(word);
    if (form.length > MAX_FORM_LENGTH) continue;
    ofText.set(form, (ofText.get(form) ?? 0) + 1);
  }
  let kept = [...ofText];
  if (kept.length > MAX_FORMS_PER_ARTICLE) {
    // Most frequent first; ties in the text's order (a stable sort), so the same text keeps the same forms.
    kept = kept.sort((a, b) => b[1] - a[1]).slice(0, MAX_FORMS_PER_ARTICLE);
  }
  for (const [form, count] of kept) counts.set(form, (counts.get(form) ?? 0) + count);
  return counts;
}

/** Collects word counts from article texts (Arabic-script words only), each text one article. */
export function countArabicScriptWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) addArabicScriptWords(counts, text);
  return counts;
}

/**
 * Most bytes of JSON one shard holds before it is split by a longer prefix:
 * about 8 KB gzipped for Arabic (a ratio of 6 measured). Every query word
 * fetches the shards of its keys, so a common beginning such as «ال», «و» or
 * «ب» must not cost the whole of its words (every «ال» word was one 738 KB
 * shard at 3,000 articles).
 */
export const MAX_SHARD_BYTES = 48 * 1024;

/** Characters of the prefix shards are first grouped by; a shard over MAX_SHARD_BYTES is split by the next one. */
const BASE_PREFIX_LENGTH = 2;

/** A prefix as a file name: its code points in hex, so names stay ASCII. */
export function shardIdOfPrefix(prefix: string): string {
  return [...prefix].map((char) => char.codePointAt(0)!.toString(16).padStart(4, '0')).join('-');
}

/** Anything that says which shards exist: the set from shards.json, or the shards themselves. */
export interface ShardList {
  has(shardId: string): boolean;
}

/**
 * The shard a key is filed in. Shards are named by a prefix of their keys:
 * the first two characters, or more where a shard grew past MAX_SHARD_BYTES
 * and was split; a key is in the shard of its longest prefix that exists
 * (`shards`). Without `shards`, the two-character shard (an archive so small
 * that no shard was split).
 */
export function shardIdForKey(key: string, shards?: ShardList): string {
  const chars = [...key];
  if (shards) {
    for (let length = chars.length; length > 0; length--) {
      const id = shardIdOfPrefix(chars.slice(0, length).join(''));
      if (shards.has(id)) return id;
    }
  }
  return shardIdOfPrefix(chars.slice(0, BASE_PREFIX_LENGTH).join(''));
}

/** UTF-8 bytes of a string, without an encoder: shared code, counted for every key of the archive. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Bytes a key and its forms take in a shard's JSON: `"key":["a","b"],`. */
function entryBytes(key: string, forms: readonly string[]): number {
  return utf8Length(key) + 6 + forms.reduce((sum, form) => sum + utf8Length(form) + 3, 0);
}

/**
 * Files keys sharing `prefix` (which all start with it): in one shard when
 * they fit in `maxBytes`, else the key equal to the prefix (if any) stays in
 * the prefix's shard and the others are split by their next character, as
 * deep as it takes. Keys are distinct, so it ends, at the latest, with a shard
 * per key.
 */
function fileByPrefix(prefix: string, keys: string[], bytesOf: Map<string, number>, maxBytes: number, out: Map<string, string[]>): void {
  const total = keys.reduce((sum, key) => sum + bytesOf.get(key)!, 0);
  const depth = [...prefix].length;
  if (total <= maxBytes || keys.length === 1) {
    out.set(prefix, keys);
    return;
  }
  const byNext = new Map<string, string[]>();
  for (const key of keys) {
    const chars = [...key];
    if (chars.length === depth) {
      out.set(prefix, [key]);
      continue;
    }
    const next = prefix + chars[depth]!;
    const group = byNext.get(next);
    if (group) group.push(key);
    else byNext.set(next, [key]);
  }
  for (const [next, group] of byNext) fileByPrefix(next, group, bytesOf, maxBytes, out);
}

/**
 * Groups the forms by key and the keys by shard: by their first two
 * characters, each shard split by longer prefixes until none holds more than
 * `maxBytes` of JSON (see shardIdForKey).
 */
export function buildVocabularyShards(counts: Map<string, number>, maxBytes = MAX_SHARD_BYTES): Map<string, VocabularyShard> {
  const formsByKey = new Map<string, string[]>();
  for (const form of counts.keys()) {
    for (const key of keysOf(form)) {
      const forms = formsByKey.get(key);
      if (forms) forms.push(form);
      else formsByKey.set(key, [form]);
    }
  }
  const byCount = (a: string, b: string) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
  const bytesOf = new Map<string, number>();
  const keysByPrefix = new Map<string, string[]>();
  for (const [key, forms] of formsByKey) {
    const kept = forms.sort(byCount).slice(0, MAX_FORMS_PER_KEY);
    formsByKey.set(key, kept);
    bytesOf.set(key, entryBytes(key, kept));
    const prefix = [...key].slice(0, BASE_PREFIX_LENGTH).join('');
    const keys = keysByPrefix.get(prefix);
    if (keys) keys.push(key);
    else keysByPrefix.set(prefix, [key]);
  }
  const keysByShard = new Map<string, string[]>();
  for (const [prefix, keys] of keysByPrefix) fileByPrefix(prefix, keys, bytesOf, maxBytes, keysByShard);
  // Keys sorted within each shard, not all together: the same files, and
  // hundreds of small sorts cost half of one sort of 380,000 keys (measured).
  const shards = new Map<string, VocabularyShard>();
  for (const [shardId, prefix] of [...keysByShard.keys()].map((prefix) => [shardIdOfPrefix(prefix), prefix] as const).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shard: VocabularyShard = {};
    for (const key of keysByShard.get(prefix)!.sort()) shard[key] = formsByKey.get(key)!;
    shards.set(shardId, shard);
  }
  return shards;
}

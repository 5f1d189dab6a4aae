import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { countIndexedWords, writeSearchVocabulary } from '../../../src/integrations/search-vocabulary.ts';
import { keysOf } from '../../../src/search/keying/registry.ts';
import {
  addArabicScriptWords,
  buildVocabularyShards,
  countArabicScriptWords,
  MAX_FORM_LENGTH,
  MAX_FORMS_PER_ARTICLE,
  MAX_SHARD_BYTES,
  shardIdForKey,
  shardIdOfPrefix,
  type VocabularyShard,
} from '../../../src/search/vocabulary.ts';

/** Letters that make words no Arabic keying strips: none of و ف ب ل ك ا. */
const LETTERS = [...'تثجحخدذرزسشصضطظعغقمنهي'];

/** `count` distinct words of `length` letters after `prefix`, in a fixed order. */
function words(prefix: string, count: number, length = 4): string[] {
  const out: string[] = [];
  for (let n = 0; out.length < count; n++) {
    let word = '';
    for (let rest = n, place = 0; place < length; place++, rest = Math.floor(rest / LETTERS.length)) word += LETTERS[rest % LETTERS.length];
    out.push(prefix + word);
  }
  return out;
}

const bytes = (shard: VocabularyShard) => Buffer.byteLength(JSON.stringify(shard));

/** The forms of a key, looked up as the browser does: in the shard of its longest listed prefix. */
function lookup(shards: Map<string, VocabularyShard>, key: string): string[] | undefined {
  return shards.get(shardIdForKey(key, shards))?.[key];
}

describe('vocabulary shards are split by longer prefixes', () => {
  // Every «ال» word of an archive shared one shard of 738 KB (124 KB gzipped) at 3,000 articles.
  const all = [...words('ال', 6000), ...words('وال', 1500), ...words('مصر', 1500), 'ال', 'مصر'];
  // Articles of 500 distinct words each, as an archive's are: none reaches MAX_FORMS_PER_ARTICLE.
  const articles = Array.from({ length: Math.ceil(all.length / 500) }, (_, index) => all.slice(index * 500, index * 500 + 500).join(' '));
  const shards = buildVocabularyShards(countArabicScriptWords(articles), 16 * 1024);

  test('no shard holding more than one key exceeds the byte cap', () => {
    for (const shard of shards.values()) if (Object.keys(shard).length > 1) expect(bytes(shard)).toBeLessThanOrEqual(16 * 1024);
  });

  test('a common beginning costs many small shards, named by their longer prefixes', () => {
    const alef = [...shards.keys()].filter((id) => id.startsWith(`${shardIdOfPrefix('ال')}-`));
    expect(alef.length).toBeGreaterThan(8);
    for (const id of alef) expect(id.split('-').length).toBeGreaterThan(2);
  });

  test('every key is found in the shard of its longest listed prefix, and in that shard only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    const elsewhere: string[] = [];
    for (const [id, shard] of shards) {
      for (const key of Object.keys(shard)) {
        if (seen.has(key)) twice.push(key);
        seen.set(key, id);
        if (shardIdForKey(key, shards) !== id) elsewhere.push(key);
      }
    }
    expect(twice).toEqual([]);
    expect(elsewhere).toEqual([]);
    const missed = all.filter((word) => !keysOf(word).every((key) => lookup(shards, key)?.includes(word)));
    expect(missed).toEqual([]);
    // A key as short as a split prefix keeps a shard of its own prefix.
    expect(lookup(shards, 'مصر')).toContain('مصر');
  }, 60_000);

  test('a key the archive lacks is found in no shard', () => {
    expect(lookup(shards, 'الظظظظظظ')).toBeUndefined();
    expect(lookup(shards, 'ﻻ')).toBeUndefined();
  });

  test('without a shard list, a key is in its two-letter shard, as in an archive too small to split', () => {
    expect(shardIdForKey('روسيا')).toBe('0631-0648');
    expect(shardIdForKey('روسيا', new Set(['0631-0648']))).toBe('0631-0648');
    expect(shardIdForKey('روسيا', new Set(['0631-0648', '0631-0648-0633']))).toBe('0631-0648-0633');
  });
});

describe('one article cannot inflate every reader’s searches', () => {
  const ordinary = ['أعلنت وزارة الخارجية في مصر أن الوفد وصل إلى القاهرة', 'قالت مصر إن المحادثات مستمرة'];
  // 650 KB of distinct words beginning like a common one, as a crafted article would hold.
  const crafted = words('مصر', 90_000, 5).join(' ');

  test('an article adds at most MAX_FORMS_PER_ARTICLE forms, its most frequent first', () => {
    const counts = addArabicScriptWords(new Map(), `${'مصرية '.repeat(3)}${crafted}`);
    expect(counts.size).toBe(MAX_FORMS_PER_ARTICLE);
    expect(counts.get('مصرية')).toBe(3);
  }, 60_000);

  test('a run of letters longer than MAX_FORM_LENGTH does not enter the vocabulary', () => {
    const counts = countArabicScriptWords([`${'م'.repeat(MAX_FORM_LENGTH + 1)} مصر`]);
    expect([...counts.keys()]).toEqual(['مصر']);
  });

  test('the shard «مصر» is read from stays within the cap with the crafted article in the archive', () => {
    const before = buildVocabularyShards(countArabicScriptWords(ordinary));
    const after = buildVocabularyShards(countArabicScriptWords([...ordinary, crafted]));
    const shardOf = (shards: Map<string, VocabularyShard>) => shards.get(shardIdForKey('مصر', shards))!;
    expect(shardOf(after).مصر).toEqual(shardOf(before).مصر);
    expect(bytes(shardOf(after))).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    const over = [...after].filter(([, shard]) => Object.keys(shard).length > 1 && bytes(shard) > MAX_SHARD_BYTES);
    expect(over.map(([id]) => id)).toEqual([]);
  }, 60_000);
});

describe('the vocabulary files written at build time', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('each file at most about 12 KB gzipped, listed in shards.json, a crafted page capped like any other', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'arshif-vocab-'));
    const counts = new Map<string, Map<string, number>>();
    const page = (text: string) => `<html lang="ar"><body><article data-pagefind-body><p>${text}</p></article></body></html>`;
    for (let start = 0; start < 12_000; start += 1000)
      countIndexedWords(
        page(
          words('ال', 12_000)
            .slice(start, start + 1000)
            .join(' '),
        ),
        counts,
      );
    countIndexedWords(page(words('مصر', 30_000, 5).join(' ')), counts);
    countIndexedWords(page('قالت مصر إن المحادثات مستمرة'), counts);
    expect(counts.get('ar')!.size).toBeLessThanOrEqual(12_000 + MAX_FORMS_PER_ARTICLE + 5);
    await writeSearchVocabulary(dir, counts);
    const languageDir = path.join(dir, 'search-vocab', 'ar');
    const listed = JSON.parse(await readFile(path.join(languageDir, 'shards.json'), 'utf8')) as string[];
    const files = (await readdir(languageDir)).filter((name) => name !== 'shards.json' && name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...listed].sort());
    for (const name of files) {
      const body = await readFile(path.join(languageDir, name));
      expect(gzipSync(body).length).toBeLessThanOrEqual(12 * 1024);
    }
    const shards = new Set(listed);
    const shard = JSON.parse(await readFile(path.join(languageDir, `${shardIdForKey('مصر', shards)}.json`), 'utf8')) as VocabularyShard;
    expect(shard.مصر).toEqual(['مصر']);
  }, 60_000);
});

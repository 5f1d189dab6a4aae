import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractIndexedText } from '../search/indexed-text.ts';
import { addArabicScriptWords, buildVocabularyShards } from '../search/vocabulary.ts';
import { isKeyedLanguage } from '../search/keying/registry.ts';
import { addSpellingWords, buildSpellingShards } from '../search/spelling.ts';

/**
 * Counts for the spelling index ("did you mean") ride in the same map as the
 * Arabic-script forms, under this prefix and the language, so they are cached
 * with each index part like the rest.
 */
const SPELLING_PREFIX = 'spelling:';

/**
 * Adds the words of one built article to its language's counts: the text
 * Pagefind indexes, Arabic-script languages only. Called while the article
 * is being indexed, so the vocabulary costs no second reading of the site.
 */
export function countIndexedWords(html: string, counts: Map<string, Map<string, number>>): void {
  const page = extractIndexedText(html);
  if (!page) return;
  const spellingKey = `${SPELLING_PREFIX}${page.language}`;
  let spelling = counts.get(spellingKey);
  if (!spelling) {
    spelling = new Map();
    counts.set(spellingKey, spelling);
  }
  addSpellingWords(spelling, page.text);
  if (!isKeyedLanguage(page.language)) return;
  let ofLanguage = counts.get(page.language);
  if (!ofLanguage) {
    ofLanguage = new Map();
    counts.set(page.language, ofLanguage);
  }
  addArabicScriptWords(ofLanguage, page.text);
}

/**
 * Writes dist/search-vocab/<language>/<shard>.json for every Arabic-script
 * language: the archive's own word forms grouped by the keys the query side
 * computes, so the search page can ask Pagefind for لروسيا when the reader
 * typed روسيا. Returns the number of forms per language.
 */
export async function writeSearchVocabulary(outDir: string, counts: Map<string, Map<string, number>>): Promise<Record<string, number>> {
  const formCounts: Record<string, number> = {};
  await rm(path.join(outDir, 'search-vocab'), { recursive: true, force: true });
  for (const [language, ofLanguage] of counts) {
    if (language.startsWith(SPELLING_PREFIX)) {
      await writeSpellingShards(path.join(outDir, 'search-vocab', language.slice(SPELLING_PREFIX.length), 'spelling'), ofLanguage);
      continue;
    }
    const shards = buildVocabularyShards(ofLanguage);
    const languageDir = path.join(outDir, 'search-vocab', language);
    await mkdir(languageDir, { recursive: true });
    await Promise.all([...shards].map(([shardId, shard]) => writeFile(path.join(languageDir, `${shardId}.json`), JSON.stringify(shard))));
    // The list of shards lets the search ask only for files that exist.
    await writeFile(path.join(languageDir, 'shards.json'), JSON.stringify([...shards.keys()]));
    formCounts[language] = ofLanguage.size;
  }
  return formCounts;
}

/**
 * Writes search-vocab/<language>/spelling/<shard>.json and shards.json: the
 * archive's words by length and first letters, read by "did you mean" only
 * when a search finds nothing (src/search/spelling.ts).
 */
async function writeSpellingShards(dir: string, counts: Map<string, number>): Promise<void> {
  const shards = buildSpellingShards(counts);
  await mkdir(dir, { recursive: true });
  await Promise.all([...shards].map(([shardId, words]) => writeFile(path.join(dir, `${shardId}.json`), JSON.stringify(words))));
  await writeFile(path.join(dir, 'shards.json'), JSON.stringify([...shards.keys()]));
}

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractIndexedText } from '../lib/search/indexed-text.ts';
import { buildVocabularyShards, countArabicScriptWords } from '../lib/search/vocabulary.ts';

/** Languages written in Arabic script, where proclitics and letter variants hide words. */
function isArabicScriptLanguage(language: string): boolean {
  try {
    return new Intl.Locale(language).maximize().script === 'Arab';
  } catch {
    return false;
  }
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') yield* htmlFiles(full);
    } else if (entry.name.endsWith('.html')) {
      yield full;
    }
  }
}

/**
 * Writes dist/search-vocab/<language>/<shard>.json for every Arabic-script
 * language: the archive's own word forms grouped by the keys the query side
 * computes, so the search page can ask Pagefind for لروسيا when the reader
 * typed روسيا. Returns the number of forms per language.
 */
export async function writeSearchVocabulary(outDir: string): Promise<Record<string, number>> {
  const textsByLanguage = new Map<string, string[]>();
  for await (const file of htmlFiles(outDir)) {
    const page = extractIndexedText(await readFile(file, 'utf8'));
    if (!page || !isArabicScriptLanguage(page.language)) continue;
    const texts = textsByLanguage.get(page.language) ?? [];
    texts.push(page.text);
    textsByLanguage.set(page.language, texts);
  }
  const formCounts: Record<string, number> = {};
  for (const [language, texts] of textsByLanguage) {
    const counts = countArabicScriptWords(texts);
    const shards = buildVocabularyShards(counts);
    const languageDir = path.join(outDir, 'search-vocab', language);
    await mkdir(languageDir, { recursive: true });
    await Promise.all(
      [...shards].map(([shardId, shard]) => writeFile(path.join(languageDir, `${shardId}.json`), JSON.stringify(shard))),
    );
    // The list of shards lets the search ask only for files that exist.
    await writeFile(path.join(languageDir, 'shards.json'), JSON.stringify([...shards.keys()]));
    formCounts[language] = counts.size;
  }
  return formCounts;
}

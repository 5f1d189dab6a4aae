import { expandWord, isKnownWord, type FormCandidate } from '../../search/expand-query.ts';
import { isKeyedWord, keysOf, keysWithCertainty } from '../../search/keying/registry.ts';
import { transliterationVariantsIn } from '../../search/transliteration.ts';
import { spellingShardsFor, type SpellingShard } from '../../search/spelling.ts';
import { shardIdForKey, type VocabularyShard } from '../../search/vocabulary.ts';
import { siteBase } from './site-base.ts';

/**
 * One language's search vocabulary as the browser reads it
 * (search-vocab/<lang>/, written at build time by
 * src/integrations/search-vocabulary.ts): the archive's written forms per
 * key, and the spelling index for "did you mean". Each file is fetched once
 * and only when a query needs it; a missing one reads as empty.
 */
export class VocabularyFiles {
  readonly #language: string;
  readonly #shards = new Map<string, Promise<VocabularyShard>>();

  constructor(language: string) {
    this.#language = language;
  }

  #shardList: Promise<Set<string>> | undefined;

  /**
   * The shards that exist (search-vocab/<lang>/shards.json): no lookup asks
   * for a missing file, and a key's shard is the one of its longest prefix
   * listed there (shards are split by longer prefixes where they grew large).
   */
  #availableShards(): Promise<Set<string>> {
    this.#shardList ??= fetch(`${siteBase}search-vocab/${this.#language}/shards.json`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [])
      .then((ids) => new Set(ids));
    return this.#shardList;
  }

  #shard(shardId: string): Promise<VocabularyShard> {
    let shard = this.#shards.get(shardId);
    if (!shard) {
      const url = `${siteBase}search-vocab/${this.#language}/${shardId}.json`;
      // A missing shard just means no archive word starts that way.
      shard = fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<VocabularyShard>) : {}))
        .catch(() => ({}));
      this.#shards.set(shardId, shard);
    }
    return shard;
  }

  /** The archive's forms to look up for a query word, and whether the archive has the word in some form. */
  async formsOf(word: string, limit?: number): Promise<{ candidates: FormCandidate[]; known: boolean }> {
    if (!isKeyedWord(word)) return { candidates: expandWord(word, () => undefined, limit), known: true };
    const keys = keysOf(word);
    const available = await this.#availableShards();
    const shards = await Promise.all(
      keys.map((key): Promise<VocabularyShard> | VocabularyShard => {
        const shardId = shardIdForKey(key, available);
        return available.has(shardId) ? this.#shard(shardId) : {};
      }),
    );
    const byKey = new Map(keys.map((key, index) => [key, shards[index]?.[key]]));
    const lookup = (key: string) => byKey.get(key);
    return { candidates: expandWord(word, lookup, limit), known: isKnownWord(word, lookup) };
  }

  /**
   * The archive's other transliterations of a word (transliteration.ts), as
   * keys of the shards its own sure keys are in: files formsOf has read already.
   */
  async variantsOf(word: string): Promise<string[]> {
    if (!isKeyedWord(word)) return [];
    const available = await this.#availableShards();
    const variants = new Set<string>();
    for (const { key, sure } of keysWithCertainty(word)) {
      if (!sure || !available.has(shardIdForKey(key))) continue;
      for (const variant of transliterationVariantsIn(key, Object.keys(await this.#shard(shardIdForKey(key))))) variants.add(variant);
    }
    return [...variants];
  }

  #spellingList: Promise<Set<string>> | undefined;
  readonly #spellingShards = new Map<string, Promise<SpellingShard>>();

  #spellingShardList(): Promise<Set<string>> {
    this.#spellingList ??= fetch(`${siteBase}search-vocab/${this.#language}/spelling/shards.json`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [])
      .then((ids) => new Set(ids));
    return this.#spellingList;
  }

  #spellingShard(id: string): Promise<SpellingShard> {
    let shard = this.#spellingShards.get(id);
    if (!shard) {
      shard = fetch(`${siteBase}search-vocab/${this.#language}/spelling/${id}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<SpellingShard>) : []))
        .catch(() => []);
      this.#spellingShards.set(id, shard);
    }
    return shard;
  }

  /** For each word, the spelling shards its correction reads (at most six small files, spelling.ts) that exist. */
  async spellingShardsOf(words: readonly string[]): Promise<SpellingShard[][]> {
    const available = await this.#spellingShardList();
    return Promise.all(
      words.map((word) =>
        Promise.all(
          spellingShardsFor(word)
            .filter((id) => available.has(id))
            .map((id) => this.#spellingShard(id)),
        ),
      ),
    );
  }
}

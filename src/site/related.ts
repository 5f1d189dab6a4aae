import { foldArabicWord, isArabicScriptWord } from '../search/keying/scripts/arabic.ts';
import { splitWords } from '../search/words.ts';

/** What relating articles needs of one: its tags, and the words of its title and lead. */
export interface RelatedInput {
  tags: readonly string[];
  text: string;
}

export interface RelatedOptions {
  /** Related articles per article. */
  count?: number;
  /**
   * How many neighbours on each side an article meets in a list of articles
   * sharing a tag or word (lists are in archive order, newest first). This
   * bounds the work at (keys per article × 2 × window) per article however
   * large a tag grows, so 100,000 articles cost a few seconds, not hours.
   */
  window?: number;
  /** Words in more than this share of the articles say nothing of a topic (في, the, said). */
  maxWordShare?: number;
}

/** Words of a title and lead as keys: Arabic-script words folded (hamza, alef, ta marbuta forms), Latin lowercased, short ones dropped. */
export function topicWords(text: string): string[] {
  const words = splitWords(text)
    .map((word) => (isArabicScriptWord(word) ? foldArabicWord(word) : word.toLowerCase()))
    .filter((word) => [...word].length >= 3 && !/^\d+$/.test(word));
  return [...new Set(words)];
}

/**
 * For each article (by its index in `articles`, which should be in archive
 * order), the indexes of its most related articles: a shared tag counts 3, a
 * shared word of title or lead counts by its rarity (log N / df). Ties go to
 * the nearer article in archive order. Computed at build time from front
 * matter only — no article body is read.
 */
export function relatedArticles(articles: readonly RelatedInput[], options: RelatedOptions = {}): number[][] {
  const count = options.count ?? 3;
  const window = options.window ?? 12;
  const total = articles.length;
  const maxWordDocs = Math.max(2, Math.floor(total * (options.maxWordShare ?? 0.05)));
  const postings = new Map<string, number[]>();
  const keysOf = articles.map((article, index) => {
    const keys = [...new Set(article.tags.map((tag) => `t\0${tag}`)), ...topicWords(article.text).map((word) => `w\0${word}`)];
    for (const key of keys) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
    return keys;
  });
  const weightOf = new Map<string, number>();
  for (const [key, list] of postings) {
    if (list.length < 2) continue;
    if (key.startsWith('t\0')) weightOf.set(key, 3);
    else if (list.length <= maxWordDocs) weightOf.set(key, Math.log(total / list.length));
  }
  // Where each article sits in each list, to find its neighbours there without a search.
  const positions = new Map<string, Map<number, number>>();
  return keysOf.map((keys, index) => {
    const scores = new Map<number, number>();
    for (const key of keys) {
      const weight = weightOf.get(key);
      if (!weight) continue;
      const list = postings.get(key)!;
      let at: number;
      if (list.length <= 2 * window + 1) at = -1;
      else {
        let byIndex = positions.get(key);
        if (!byIndex) {
          byIndex = new Map(list.map((member, position) => [member, position]));
          positions.set(key, byIndex);
        }
        at = byIndex.get(index)!;
      }
      const from = at === -1 ? 0 : Math.max(0, at - window);
      const to = at === -1 ? list.length : Math.min(list.length, at + window + 1);
      for (let position = from; position < to; position++) {
        const other = list[position]!;
        if (other !== index) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - index) - Math.abs(b[0] - index) || a[0] - b[0])
      .slice(0, count)
      .map(([other]) => other);
  });
}

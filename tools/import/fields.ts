import {
  authorProblem,
  dateFix,
  dateProblem,
  lookAlikeLetters,
  MAX_AUTHOR_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  nameKey,
  normalizeName,
  sourceProblem,
  tagProblem,
} from '../../src/article/index.ts';
import { ImportError } from './errors.ts';
import type { ReadArticle } from './readers/read-article.ts';

/**
 * The importer's side of the article contract (src/article/): each field
 * checked by the contract's own rule, refused as an ImportError that names the
 * file, the field or flag and its line, and says what to do. The build checks
 * the same rules with the same words.
 */

/** Where a field's value came from, for messages. */
export interface FieldOrigin {
  file: string;
  /** `--date`, `the front block's "date" field`. */
  where: string;
  line?: number;
}

/** A date given by --date or the front block, checked by the contract. */
export function checkDate(date: string, { file, where, line }: FieldOrigin, now: Date = new Date()): string {
  const problem = dateProblem(date, now);
  if (problem) throw new ImportError(file, `has an invalid date (${where}): ${problem}.`, dateFix(now), line);
  return date;
}

export interface CheckedTags {
  tags: string[];
  /** Spellings left out because another tag of the article has the same identity (one tag page). */
  joined: { kept: string; dropped: string }[];
  /** A warning for each tag with a look-alike letter of another script inside a word. */
  lookAlikes: string[];
}

/**
 * An article's tags: at most MAX_TAGS, each one the contract accepts,
 * normalized as stored. Two spellings of one tag (one URL) are one tag: the
 * first is kept, the other reported — or, with `strict`, refused.
 */
export function checkTags(given: readonly string[], { file, where, line }: FieldOrigin, strict = false): CheckedTags {
  const byKey = new Map<string, string>();
  const joined: CheckedTags['joined'] = [];
  for (const [index, tag] of given.entries()) {
    const problem = tagProblem(tag);
    if (problem) {
      throw new ImportError(
        file,
        `has a tag that ${problem}: tag ${index + 1} "${tag}" (${where}).`,
        `Tags are 1–${MAX_TAG_LENGTH} characters of words, without / \\ ? # % or control characters; fix or remove it.`,
        line,
      );
    }
    const normalized = normalizeName(tag);
    const key = nameKey(normalized);
    const earlier = byKey.get(key);
    if (earlier === undefined) byKey.set(key, normalized);
    else if (strict && earlier !== normalized) {
      throw new ImportError(
        file,
        `has the tags "${earlier}" and "${normalized}" (${where}), two spellings of one tag (one page, ${key}).`,
        'Keep one of them, or import without --strict to have them joined.',
        line,
      );
    } else if (earlier !== normalized) joined.push({ kept: earlier, dropped: normalized });
  }
  const tags = [...byKey.values()];
  const lookAlikes = tags.flatMap((tag) => {
    const letters = lookAlikeLetters(tag);
    return letters.length
      ? [`the tag «${tag}» (${where}) mixes scripts inside a word: ${letters.join(', ')}; it is kept as written, on the page of ${nameKey(tag)}`]
      : [];
  });
  if (tags.length > MAX_TAGS) {
    throw new ImportError(file, `has ${tags.length} tags (${where}); the limit is ${MAX_TAGS}.`, `Keep the ${MAX_TAGS} that say most about the article.`, line);
  }
  return { tags, joined, lookAlikes };
}

/** A source (a URL or a short description), white space collapsed; empty is the same as absent. */
export function checkSource(value: string | undefined, { file, where, line }: FieldOrigin): string | undefined {
  const text = value?.replace(/\s+/gu, ' ').trim();
  if (!text) return undefined;
  const problem = sourceProblem(text);
  if (problem) throw new ImportError(file, `has a source (${where}) that ${problem}.`, 'Shorten it to the URL or the publication’s name and date.', line);
  return text;
}

/** An Arabic word as newspapers stretch it, with tatweel between any of its letters («بــقلم»). */
const stretchable = (word: string) => [...word].join('ـ*');

/**
 * A byline's label typed into the author field: «بقلم:», «بــقلم :», «كتب»,
 * "By" — then a colon (spaced or not) or a space, then the name.
 */
const BYLINE_LABEL = new RegExp(
  `^(?:${['بقلم', 'كتب', 'كتبت', 'كتبه', 'كتبها', 'إعداد', 'تحرير'].map(stretchable).join('|')}|By|Written by)(?:\\s*[:：]\\s*|\\s+)(?=\\p{L})`,
  'iu',
);

export interface CheckedAuthor {
  author?: string;
  /** What was taken off the byline («بقلم:»), for a note. */
  label?: string;
  /** A byline too long to be a name, kept whole as the article's first paragraph instead (see checkAuthor). */
  bylineParagraph?: string;
  warning?: string;
}

/**
 * A byline, white space collapsed; empty is the same as absent. Scraped
 * bylines run on into the lead («الرياض - واس أعلنت وزارة الصحة اليوم…»),
 * past any name's length: such a byline is kept whole, as the article's
 * first paragraph — nothing of it is lost, and a reader sees it where the
 * newspaper printed it — and the article gets no author page (a page named
 * after half a sentence would help no one). With `strict` it is refused.
 */
export function checkAuthor(value: string | undefined, { file, where, line }: FieldOrigin, strict = false): CheckedAuthor {
  let text = value?.replace(/\s+/gu, ' ').trim();
  if (!text) return {};
  // The page writes the byline's own word («بقلم {author}», "By {author}"): one typed into the field would show twice.
  const label = BYLINE_LABEL.exec(text)?.[0];
  if (label && !strict) text = text.slice(label.length);
  const problem = authorProblem(text);
  if (!problem) {
    const lookAlikes = lookAlikeLetters(text);
    return {
      author: text,
      ...(label && !strict ? { label: label.trim() } : {}),
      ...(lookAlikes.length
        ? {
            warning: `the byline «${text}» (${where}) mixes scripts inside a word: ${lookAlikes.join(', ')}; it is kept as written, and its author page is the one of the name it imitates (${nameKey(text)})`,
          }
        : {}),
    };
  }
  const tooLong = [...text].length > MAX_AUTHOR_LENGTH;
  if (!tooLong || strict) {
    throw new ImportError(
      file,
      `has a byline (${where}) that ${problem}.`,
      tooLong ? 'Shorten it to the name, or import without --strict to keep it as the first paragraph.' : 'Write the author’s name, or remove the field.',
      line,
    );
  }
  return {
    bylineParagraph: text,
    warning: `the byline (${where}) is ${[...text].length} characters long, more than a name (the limit is ${MAX_AUTHOR_LENGTH}): it is kept whole as the article's first paragraph, and the article has no author page; to give it one, set "author" to the name alone and import again with --force`,
  };
}

/** A byline too long to be a name, as the article's first paragraph (see checkAuthor); verify reads a source the same way. */
export function withBylineParagraph(article: ReadArticle, byline: string): ReadArticle {
  return { ...article, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: byline }] }, ...article.blocks] };
}

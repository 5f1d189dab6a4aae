/**
 * Names — tags and authors — are identities; their spellings are data. One
 * key decides a name's URL (`ar/authors/<key>/`), and every spelling with that
 * key is the same author or tag: one page with all their articles, shown
 * under the spelling most of them use. Real bylines are typed many ways
 * («واس - الرياض», «واس- الرياض», «واس -الرياض», «واس ـ الرياض»), and none of
 * them may split an author in two or fail a build.
 */

import { foldConfusables } from './confusables.ts';

/** Most tags one article may carry: a tag is a topic, not a sentence. */
export const MAX_TAGS = 20;
/** Longest tag, in characters (code points) after normalization. */
export const MAX_TAG_LENGTH = 60;
/** Longest byline: a name or a few names. */
export const MAX_AUTHOR_LENGTH = 120;

/** A name as stored: NFC, runs of white space as one space, none at the ends. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Tatweel (a stretch of the line, not a letter), Arabic vowel marks, and
 * every character Unicode says is drawn as nothing (Default_Ignorable: joiners,
 * the word joiner, right-to-left and Arabic letter marks, soft hyphens,
 * variation selectors): spellings of one name may differ by them.
 */
const IGNORED_IN_KEY = /[\u0640\u064B-\u065F\u0670\p{Default_Ignorable_Code_Point}]/gu;
/** Characters a URL path segment cannot hold as they are, white space, dashes of every kind and punctuation runs between words all become one hyphen. */
const SEPARATORS = /[\s/\\?#%\p{Pd}]+/gu;
/** Punctuation at the ends of a name («واس - الرياض.», «(واس)») does not make it another name; symbols do («C++» is not «C»). */
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;
/** Spaces around punctuation other than dashes («د. محمد», «د.محمد»): typing habits, not another name. */
const SPACED_PUNCTUATION = /\s*([^\P{P}\p{Pd}])\s*/gu;

/** Keys already computed: an archive names the same few thousand authors and tags over and over, and the build keys each on every page that lists it. */
const knownKeys = new Map<string, string>();
const MAX_KNOWN_KEYS = 100_000;

/**
 * A name's identity and its URL segment — the single definition, used by the
 * importer, the build and verify. The name in its own script (readers of an
 * Arabic archive read Arabic URLs), Latin letters lowercased, tatweel, vowel
 * marks and invisible characters left out, a look-alike letter of another
 * script inside a word read as the letter it imitates (confusables.ts), no
 * space around punctuation, dashes and white space as one hyphen,
 * punctuation at the ends left out.
 */
export function nameKey(name: string): string {
  let key = knownKeys.get(name);
  if (key !== undefined) return key;
  key = foldConfusables(normalizeName(name).replace(IGNORED_IN_KEY, ''))
    .folded.replace(/\p{Script=Latin}/gu, (letter) => letter.toLowerCase())
    .replace(EDGE_PUNCTUATION, '')
    .replace(SPACED_PUNCTUATION, '$1')
    .replace(SEPARATORS, '-')
    .replace(/^-+|-+$/g, '');
  if (knownKeys.size >= MAX_KNOWN_KEYS) knownKeys.clear();
  knownKeys.set(name, key);
  return key;
}

/** Path of a tag's page, e.g. ar/tags/قره-باغ/. */
export function tagPath(locale: string, tag: string): string {
  return `${locale}/tags/${nameKey(tag)}/`;
}

/** Path of an author's page, e.g. ar/authors/ليلى-حداد/. */
export function authorPath(locale: string, author: string): string {
  return `${locale}/authors/${nameKey(author)}/`;
}

const FORBIDDEN_IN_TAG: Record<string, string> = {
  '/': 'a slash "/"',
  '\\': 'a backslash "\\"',
  '?': 'a question mark "?"',
  '#': 'a hash "#"',
  '%': 'a percent sign "%"',
};

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Any character characterProblem names: one test of the whole name first, since nearly every name holds none. */
const ANY_FORBIDDEN_CHARACTER = /[\p{Cc}\p{Cs}\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/u;

/** What no name may hold, checked as written (before white space is collapsed) so a tab is named, not hidden. */
function characterProblem(name: string): string | null {
  if (!ANY_FORBIDDEN_CHARACTER.test(name)) return null;
  for (const [index, char] of [...name].entries()) {
    const at = `at character ${index + 1}`;
    if (/\p{Cc}/u.test(char)) return `contains the control character ${codePoint(char)}${char === '\0' ? ' (NUL)' : ''} ${at}`;
    if (/[\p{Cs}\uFFFE\uFFFF]/u.test(char)) return `contains ${codePoint(char)}, which XML 1.0 (the RSS feed) cannot carry, ${at}`;
    if (/[\u202A-\u202E\u2066-\u2069]/u.test(char)) return `contains the bidi control ${codePoint(char)} ${at}`;
  }
  return null;
}

/**
 * What is wrong with a tag, or null: 1–60 characters after normalization, no
 * control, bidi or XML-forbidden characters, none of / \ ? # % (a tag is
 * written into its URL as it is), and a key of its own (not only
 * punctuation, not "." or ".."). Positions are 1-based characters as given.
 */
export function tagProblem(tag: string): string | null {
  const characters = characterProblem(tag);
  if (characters) return characters;
  if (/[/\\?#%]/.test(tag))
    for (const [index, char] of [...tag].entries()) {
      if (FORBIDDEN_IN_TAG[char]) return `contains ${FORBIDDEN_IN_TAG[char]} at character ${index + 1}, which a URL path segment cannot hold`;
    }
  const normalized = normalizeName(tag);
  const length = [...normalized].length;
  if (length === 0) return 'is empty';
  if (length > MAX_TAG_LENGTH) return `is ${length} characters long (the limit is ${MAX_TAG_LENGTH})`;
  if (normalized === '.' || normalized === '..') return `is "${normalized}", which a URL reads as a folder, not a page`;
  if (/^[\p{P}\p{S}\s]+$/u.test(normalized) || !nameKey(normalized)) return 'has only punctuation or symbols';
  return null;
}

/** What is wrong with a byline, or null: 1–120 characters, no control, bidi or XML-forbidden characters, and a key of its own. */
export function authorProblem(author: string): string | null {
  const characters = characterProblem(author);
  if (characters) return characters;
  const normalized = normalizeName(author);
  const length = [...normalized].length;
  if (length === 0) return 'is empty';
  if (length > MAX_AUTHOR_LENGTH) return `is ${length} characters long (the limit is ${MAX_AUTHOR_LENGTH}): a byline is a name or a few names`;
  if (normalized === '.' || normalized === '..') return `is "${normalized}", which a URL reads as a folder, not a page`;
  if (!nameKey(normalized)) return 'has no letter or digit, so it cannot have a page of its own';
  return null;
}

/**
 * A name's look-alike letters of another script inside a word («Аli» with a
 * Cyrillic «А»), each with what its key reads it as; empty for nearly every
 * name. The importer warns of them: the spelling is kept as written, and its
 * key (so its page) is the name it imitates.
 */
export function lookAlikeLetters(name: string): string[] {
  return foldConfusables(normalizeName(name).replace(IGNORED_IN_KEY, '')).replaced.map(
    ({ letter, codePoint, script, as, asScript }) => `«${letter}» (${codePoint}, ${script}) read as the ${asScript} «${as}»`,
  );
}

/** One name and the spellings it is written in, with how many articles use each. */
export interface JoinedName {
  key: string;
  /** The spelling the name is shown under: the one most articles use; a tie goes to code-point order, so builds agree. */
  shown: string;
  spellings: { spelling: string; count: number }[];
}

/**
 * Names by identity: every spelling counted under its key. `add` as many
 * times as articles name it; `names()` gives each key's shown spelling.
 */
export class NameBook {
  readonly #byKey = new Map<string, Map<string, number>>();
  #shown: Map<string, string> | undefined;

  add(name: string): void {
    const key = nameKey(name);
    let spellings = this.#byKey.get(key);
    if (!spellings) {
      spellings = new Map();
      this.#byKey.set(key, spellings);
    }
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
    this.#shown = undefined;
  }

  /** Every name, with its spellings (most used first). */
  names(): JoinedName[] {
    return [...this.#byKey].map(([key, counts]) => {
      const spellings = [...counts]
        .map(([spelling, count]) => ({ spelling, count }))
        .sort((a, b) => b.count - a.count || (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0));
      return { key, shown: spellings[0]!.spelling, spellings };
    });
  }

  /** Names written in more than one spelling: what was joined. */
  joined(): JoinedName[] {
    return this.names().filter((name) => name.spellings.length > 1);
  }

  /** The spelling `name` is shown under. */
  shownAs(name: string): string {
    this.#shown ??= new Map(this.names().map((joined) => [joined.key, joined.shown]));
    return this.#shown.get(nameKey(name)) ?? name;
  }
}

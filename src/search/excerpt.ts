/**
 * The excerpt under a search result, from the page's indexed text: the words
 * around the first match, without the title (shown just above it), with «…»
 * where the text is cut, and with only the matched word's letters marked
 * (not the punctuation that clings to it).
 */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** Words an excerpt shows, as Pagefind's own excerpts do. */
export const EXCERPT_WORDS = 30;
/** Words shown before the first match, so it reads in context. */
const WORDS_BEFORE_MATCH = 8;
export const ELLIPSIS = '…';
/** How far into the text the title is looked for (the tags come before it). */
const TITLE_SEARCH_WORDS = 12;

const WORD_CORE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/u;

/**
 * `isMatch(core, index)` is asked for each whitespace-separated word of the
 * content (its letters only, and its index, as Pagefind counts locations).
 */
export function buildExcerpt(content: string, title: string, isMatch: (core: string, index: number) => boolean, length = EXCERPT_WORDS): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  // The indexed text begins with the title (the page's h1, which Pagefind
  // ends with a full stop), after the tags at most: skip through it.
  const coreOf = (word: string | undefined) => word?.match(WORD_CORE)?.[0] ?? '';
  const titleWords = title.split(/\s+/).map(coreOf).filter(Boolean);
  let first = 0;
  if (titleWords.length) {
    for (let at = 0; at <= Math.min(TITLE_SEARCH_WORDS, words.length - titleWords.length); at++) {
      if (titleWords.every((word, index) => coreOf(words[at + index]) === word)) {
        first = at + titleWords.length;
        break;
      }
    }
  }
  if (first >= words.length) first = 0;

  const matches = new Set<number>();
  for (let index = first; index < words.length; index++) {
    const core = words[index]!.match(WORD_CORE)?.[0];
    if (core && isMatch(core, index)) matches.add(index);
  }
  const firstMatch = [...matches][0];
  const start = firstMatch === undefined ? first : Math.max(first, Math.min(firstMatch - WORDS_BEFORE_MATCH, words.length - length));
  const end = Math.min(words.length, start + length);

  const parts: ExcerptPart[] = [];
  const pushText = (text: string) => {
    const last = parts.at(-1);
    if (last && !last.marked) last.text += text;
    else parts.push({ text, marked: false });
  };
  if (start > first) pushText(`${ELLIPSIS} `);
  for (let index = start; index < end; index++) {
    const word = words[index]!;
    if (index > start) pushText(' ');
    const core = word.match(WORD_CORE);
    if (!matches.has(index) || !core) {
      pushText(word);
      continue;
    }
    const before = word.slice(0, core.index);
    const after = word.slice(core.index! + core[0].length);
    if (before) pushText(before);
    parts.push({ text: core[0], marked: true });
    if (after) pushText(after);
  }
  if (end < words.length) pushText(` ${ELLIPSIS}`);
  return parts;
}

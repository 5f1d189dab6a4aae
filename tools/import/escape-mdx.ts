/**
 * Characters that MDX or Markdown could read as syntax, written as backslash
 * escapes (CommonMark's and MDX's escape of any ASCII punctuation), which
 * render as the same characters as plain text. Expressions ({ }), JSX and HTML
 * (< >), entities (&), emphasis, code, links, headings, tables and escapes all
 * become inert.
 *
 * Not numeric character references: Markdown parsers turn each into a node of
 * its own, and a paragraph of tens of thousands of them costs time that grows
 * with its square (measured with Satteri: 1 MB of references 35 s, a 4.8 MB
 * text of symbols took a build past 20 GB), while backslash escapes stay linear
 * (400 KB in 10 ms). A letter cannot be backslash-escaped, so the one of
 * `import`/`export` at a line start stays a reference: at most one a line.
 *
 * Bare URLs and e-mail addresses are not escaped here because no escape can
 * stop them: GFM autolinking (like smart punctuation) works on the decoded
 * text, so a reference in `https&#58;//` is still linked. Smart punctuation is
 * off, and the renderer turns GFM's autolinks back into text (a link whose text
 * is its own address; src/article/body.ts); `npm run verify` fails on
 * any element in an article body its MDX does not call for, such as an `<a>`.
 */
const ALWAYS_ESCAPED = /[&<>{}[\]*_`\\|#~^$]/g;

function reference(char: string): string {
  return `&#${char.codePointAt(0)};`;
}

function backslash(char: string): string {
  return `\\${char}`;
}

/** Escapes the characters MDX or Markdown could read as syntax anywhere in a line (not the line-start rules). */
export function escapeInlineText(text: string): string {
  return text.replace(ALWAYS_ESCAPED, backslash);
}

/**
 * The line-start rules, for a line whose characters are already escaped:
 * `import`/`export` (MDX ESM), list markers, block quotes, thematic breaks
 * and setext underlines become text.
 */
export function escapeLineStart(escapedLine: string): string {
  // A line starting with import/export would be JavaScript in MDX.
  let escaped = escapedLine.replace(/^(\s*)(import|export)\b/, (_, space: string, word: string) => `${space}${reference(word[0]!)}${word.slice(1)}`);
  // Block markers at the start: > + - = (quote, lists, breaks, setext), and "1." / "1)" lists.
  escaped = escaped.replace(/^(\s*)([>+\-=])/, (_, space: string, char: string) => `${space}${backslash(char)}`);
  escaped = escaped.replace(/^(\s*\d{1,9})([.)])/, (_, digits: string, char: string) => `${digits}${backslash(char)}`);
  // Leading spaces would make an indented code block; the text is trimmed already, but be sure.
  return escaped.replace(/^[ \t]+/, '');
}

/**
 * Escapes one line of article text so MDX renders it exactly as written and
 * runs nothing. Line starts get extra care: `import`/`export` (MDX ESM),
 * list markers, block quotes, thematic breaks and setext underlines.
 */
export function escapeMdxText(line: string): string {
  return escapeLineStart(escapeInlineText(line));
}

/** The inverse, for reports: decodes the escapes and references escapeMdxText writes. */
export function unescapeMdxText(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])|&#(\d+);/g, (_, char: string | undefined, code: string | undefined) => char ?? String.fromCodePoint(Number(code)));
}

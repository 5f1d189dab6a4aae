import { ImportError } from '../errors.ts';
import { DEFAULT_MAX_LINE_LENGTH, type ParseLimits } from '../parse.ts';

/** Refuses a line longer than the limit, naming it: such a line is rarely article text. */
export function checkLineLengths(lines: readonly string[], file: string, limits: ParseLimits = { maxLineLength: DEFAULT_MAX_LINE_LENGTH }): void {
  const index = lines.findIndex((line) => line.length > limits.maxLineLength);
  if (index === -1) return;
  throw new ImportError(
    file,
    `has a line of ${lines[index]!.length.toLocaleString('en')} characters (the limit is ${limits.maxLineLength.toLocaleString('en')}).`,
    'Split it into paragraphs; a line this long is usually not article text (raise it with --max-line if it is).',
    index + 1,
  );
}

/**
 * How deep lists and quotations may nest. An article rarely goes past three;
 * a parser's cost and its tree's depth grow with this, and a tree thousands
 * deep overflows the stack of whatever walks it.
 */
export const MAX_MARKDOWN_NESTING = 32;
/** The longest run of one delimiter character (`*`, `_`, `` ` ``, `[`, `]`, `~`, `<`) a Markdown line may hold. */
export const MAX_DELIMITER_RUN = 64;
/** How many emphasis, link and code delimiters one paragraph may hold: each can open or close, and parsers match them against each other. */
export const MAX_DELIMITERS_PER_PARAGRAPH = 2_000;

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** The container markers a line opens with: quotation marks and list markers, each with what follows it. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/;
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;
const DELIMITER = /\*+|_+|`+|~+|<+|\[+|\]+/g;

/**
 * Refuses, before parsing, Markdown whose cost is out of proportion to its
 * size: lists and quotations nested more than MAX_MARKDOWN_NESTING deep, a
 * run of one delimiter longer than MAX_DELIMITER_RUN, or a paragraph with more
 * than MAX_DELIMITERS_PER_PARAGRAPH delimiters. CommonMark's own
 * pathological inputs are of these kinds, and no article needs them. The
 * nesting is counted as CommonMark nests: the markers a line opens with, and
 * the list items whose content its indentation continues.
 */
export function checkMarkdownCost(lines: readonly string[], file: string, firstLine = 0): void {
  const itemColumns: number[] = [];
  let delimiters = 0;
  let paragraphStart = firstLine;
  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim()) {
      delimiters = 0;
      paragraphStart = index + 1;
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    while (itemColumns.length && itemColumns.at(-1)! > indent) itemColumns.pop();
    const prefix = THEMATIC_BREAK.test(line) ? '' : (CONTAINER_PREFIX.exec(line)?.[0] ?? '');
    const markers = prefix.match(CONTAINER_MARKER) ?? [];
    if (/[-*+]|\d[.)]/.test(markers.at(-1) ?? '')) itemColumns.push(prefix.length + 1);
    const depth = itemColumns.length + markers.filter((marker) => marker === '>').length + Math.max(0, markers.filter((marker) => marker !== '>').length - 1);
    if (depth > MAX_MARKDOWN_NESTING)
      throw new ImportError(
        file,
        `nests lists or quotations ${depth.toLocaleString('en')} deep (the limit is ${MAX_MARKDOWN_NESTING}).`,
        'No article nests this deep; check that this is the right file, or import it as plain text (--format text).',
        index + 1,
      );
    for (const run of line.matchAll(DELIMITER)) {
      if (run[0].length > MAX_DELIMITER_RUN)
        throw new ImportError(
          file,
          `has a run of ${run[0].length.toLocaleString('en')} "${run[0][0]}" characters (the limit is ${MAX_DELIMITER_RUN}).`,
          'Markdown reads each as emphasis, code or link syntax; shorten it, or import the file as plain text (--format text).',
          index + 1,
        );
      delimiters++;
    }
    if (delimiters > MAX_DELIMITERS_PER_PARAGRAPH)
      throw new ImportError(
        file,
        `has a paragraph (from line ${paragraphStart + 1}) with more than ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString('en')} emphasis, code or link markers.`,
        'Split it into paragraphs, or import the file as plain text (--format text).',
        index + 1,
      );
  }
}

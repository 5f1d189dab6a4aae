import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ImportError } from './errors.ts';
import { normalizeField } from './normalize.ts';

export interface ArticleBlock {
  kind: 'paragraph' | 'heading' | 'verse';
  /** The line's text; for verse, its lines (one a verse) joined by line feeds, as in the source. */
  text: string;
  /** 1-based line in the source (a verse's first), for error messages and reports. */
  line: number;
}

/** Fields an optional front block may set. */
export interface FrontBlock {
  title?: string;
  date?: string;
  tags?: string[];
  slug?: string;
  lang?: string;
  translationOf?: string;
  source?: string;
  author?: string;
}

export interface ParsedArticle {
  front: FrontBlock;
  /** 1-based line of each front-block field, for error messages. */
  frontLines: Partial<Record<keyof FrontBlock, number>>;
  /** From normalizing the front block's values (bidi controls removed, NFC…). */
  warnings: string[];
  notes: string[];
  title: string;
  titleLine: number;
  blocks: ArticleBlock[];
}

export interface ParseLimits {
  maxLineLength: number;
}

export interface ParseOptions {
  /** Today's rule only: every short unpunctuated line is a subheading, and an article of nothing else is refused. */
  strict?: boolean;
}

export const DEFAULT_MAX_LINE_LENGTH = 100_000;

/** A subheading is a short line without closing punctuation. */
const SUBHEADING_MAX_LENGTH = 80;
/**
 * What ends a sentence or a clause: Latin . ! ? : and the ellipsis; Arabic
 * ؟ ، ؛; the Urdu full stop ۔ (U+06D4, Arabic script's own full stop); and
 * ⸮ (U+2E2E), the reversed question mark some Arabic texts use.
 */
const CLOSING_PUNCTUATION = /[.!?؟…:،؛۔⸮]$/;
// Quotes and brackets after the punctuation do not change what closes the line: «…».
const TRAILING_QUOTES = /[\s"'”’»)\]»›]+$/u;

/**
 * Short lines that are not subheadings though they carry no closing
 * punctuation: a byline («بقلم: فلان», «شعر: فلان», "By Jane Doe"), a dateline
 * («بيروت - رويترز», "LONDON (Reuters) -"), a photo caption («صورة: …»,
 * "Photo: …", "Caption: …"). They stay paragraphs.
 */
// «شعر: فلان» credits a poem's poet (with its colon: «شعر المواطنون…» is a sentence): it must not become its first verse.
const BYLINE = /^(?:(?:بقلم|كتب(?:ت|ه|ها)?|إعداد|By|Written by|Par)\s*[:：]?\s+\S|شعر\s*[:：]\s*\S)/iu;
const CAPTION = /^(?:صورة|الصورة|تصوير|(?:Photo|Photograph|Picture|Caption|Image)(?: credit)?)\s*[:：]/iu;
/** Place, a dash, an agency or a date: «بيروت - رويترز», «القاهرة – ١٢ مايو», "GENEVA (AP) —". */
const DATELINE = /^[\p{L}\p{M} .'()]{2,40}\s*[-–—]\s*[\p{L}\p{M}\p{N} .'()]{0,40}$|^[\p{Lu} .'()]{2,40}\s*[-–—]/u;

/** What kind of short line this is, when it is one that must not become a subheading. */
export function shortLineKind(line: string): 'byline' | 'caption' | 'dateline' | null {
  if (BYLINE.test(line)) return 'byline';
  if (CAPTION.test(line)) return 'caption';
  if (DATELINE.test(line) && /\s[-–—]|[-–—]\s/.test(line)) return 'dateline';
  return null;
}

/** True when a line reads as a subheading (short, no closing punctuation, not a byline, dateline or caption). */
export function isSubheading(line: string): boolean {
  const core = line.replace(TRAILING_QUOTES, '');
  return [...line].length <= SUBHEADING_MAX_LENGTH && !CLOSING_PUNCTUATION.test(core) && shortLineKind(line) === null;
}

/**
 * A line starting with `## ` is a subheading, whatever it ends with (so a
 * question can be one). A file with at least one such line is read as
 * marked by hand: only marked lines are subheadings.
 */
export const SUBHEADING_MARKER = /^##[ \t]+(?=\S)/;

/**
 * This many short unpunctuated lines in a row are verse — a poem, one verse a
 * line (Nabati poetry is written so, without punctuation) — not a stack of
 * subheadings: a subheading is one line, followed by its paragraph.
 */
export const VERSE_MIN_LINES = 3;

/**
 * One line of the body as the page shows it: trimmed, and a tab (with the
 * spaces around it) one space, as HTML shows it, so the article's text and
 * its page agree on what is between two words.
 */
function cleanLine(line: string): string {
  const trimmed = line.trim();
  return trimmed.includes('\t') ? trimmed.replace(/[ \t]*\t[ \t]*/g, ' ') : trimmed;
}

interface BodyLine {
  text: string;
  line: number;
}

/**
 * A run of VERSE_MIN_LINES or more short lines as verse blocks: one, or one
 * a stanza when blank lines split the run into stanzas of two lines or more
 * (a file that leaves a blank line after every line has no stanzas to show).
 */
function verseBlocks(run: readonly BodyLine[]): { blocks: ArticleBlock[]; spans: string[] } {
  const stanzas: BodyLine[][] = [[run[0]!]];
  for (let index = 1; index < run.length; index++) {
    if (run[index]!.line > run[index - 1]!.line + 1) stanzas.push([]);
    stanzas.at(-1)!.push(run[index]!);
  }
  const everyGapBlank = stanzas.length === run.length;
  const split = !everyGapBlank && stanzas.every((stanza) => stanza.length >= 2) ? stanzas : [[...run]];
  return {
    blocks: split.map((stanza) => ({ kind: 'verse', text: stanza.map((verse) => verse.text).join('\n'), line: stanza[0]!.line })),
    spans: split.map((stanza) => `${stanza[0]!.line}–${stanza.at(-1)!.line}`),
  };
}

const FRONT_FIELDS = ['title', 'date', 'tags', 'slug', 'lang', 'translationOf', 'source', 'author'] as const;

function frontError(file: string, line: number, problem: string, fix: string): ImportError {
  return new ImportError(file, problem, fix, line);
}

/** Reads and checks the optional `---` YAML block at the very top. */
export function parseFrontBlock(
  lines: string[],
  file: string,
  options: ParseOptions = {},
): { front: FrontBlock; frontLines: ParsedArticle['frontLines']; bodyStart: number; warnings: string[]; notes: string[] } {
  const warnings: string[] = [];
  const notes: string[] = [];
  if (lines[0]?.trim() !== '---') return { front: {}, frontLines: {}, bodyStart: 0, warnings, notes };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) {
    throw frontError(file, 1, 'opens a front block with `---` but never closes it.', 'Add a `---` line after the fields, or remove the first line.');
  }
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join('\n')) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 1;
    throw frontError(
      file,
      line,
      `has a front block that is not valid YAML (${(error as Error).message.split('\n')[0]}).`,
      'Fix the YAML between the `---` lines.',
    );
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw frontError(file, 2, 'has a front block that is not a list of `field: value` lines.', `Use fields among ${FRONT_FIELDS.join(', ')}.`);
  }
  const lineOf = (field: string) => 1 + lines.slice(0, end).findIndex((line) => line.trimStart().startsWith(`${field}:`));
  const front: FrontBlock = {};
  const frontLines: ParsedArticle['frontLines'] = {};
  for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
    const line = lineOf(field);
    frontLines[field as keyof FrontBlock] = line;
    // Every value goes through the body's normalization and checks: YAML escapes can write any character.
    const clean = (text: string) => {
      const result = normalizeField(text, { file, field: `the front block's "${field}" field`, line }, options.strict);
      warnings.push(...result.warnings);
      notes.push(...result.notes);
      return result.text;
    };
    if (!(FRONT_FIELDS as readonly string[]).includes(field)) {
      throw frontError(file, line, `has an unknown front-block field "${field}".`, `Use only ${FRONT_FIELDS.join(', ')}.`);
    }
    if (field === 'tags') {
      const tags = typeof value === 'string' ? value.split(/[,،]/) : value;
      if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
        throw frontError(file, line, 'has a "tags" field that is not a list of words.', 'Write `tags: [a, b]` or `tags: a, b`.');
      }
      front.tags = tags.map((tag) => clean(String(tag))).filter(Boolean);
    } else if (field === 'date') {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      front.date = clean(text);
    } else {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw frontError(file, line, `has a "${field}" field that is not text.`, `Write \`${field}: <text>\`.`);
      }
      front[field as Exclude<(typeof FRONT_FIELDS)[number], 'tags' | 'date'>] = clean(String(value));
    }
  }
  return { front, frontLines, bodyStart: end + 1, warnings, notes };
}

/**
 * Parses article text in the seed's format: optional front block, the first
 * non-empty line as the title, then one paragraph per non-empty line, with
 * short unpunctuated lines as subheadings — or, three or more in a row, as
 * verse. Unless `strict`, an article whose every line is short is never
 * refused: its lines are verse, or paragraphs when too few for a poem.
 */
export function parseArticleText(
  text: string,
  file: string,
  limits: ParseLimits = { maxLineLength: DEFAULT_MAX_LINE_LENGTH },
  options: ParseOptions = {},
): ParsedArticle {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, index) => {
    if (line.length > limits.maxLineLength) {
      throw new ImportError(
        file,
        `has a line of ${line.length.toLocaleString('en')} characters (the limit is ${limits.maxLineLength.toLocaleString('en')}).`,
        'Split it into paragraphs, one per line; a line this long is usually not article text.',
        index + 1,
      );
    }
  });
  const { front, frontLines, bodyStart, warnings, notes } = parseFrontBlock(lines, file, options);

  let title: string | undefined;
  let titleLine = 0;
  const body: BodyLine[] = [];
  for (let index = bodyStart; index < lines.length; index++) {
    const line = cleanLine(lines[index]!);
    if (!line) continue;
    if (title === undefined && front.title === undefined) {
      title = line;
      titleLine = index + 1;
      continue;
    }
    body.push({ text: line, line: index + 1 });
  }
  const markedByHand = lines.slice(bodyStart).some((line) => SUBHEADING_MARKER.test(line.trim()));
  const blocks: ArticleBlock[] = [];
  /** Source lines of each verse block, for the note. */
  const verseSpans: string[] = [];
  if (markedByHand) {
    for (const { text: line, line: number } of body) {
      const marked = SUBHEADING_MARKER.test(line);
      blocks.push({ kind: marked ? 'heading' : 'paragraph', text: marked ? line.replace(SUBHEADING_MARKER, '') : line, line: number });
    }
  } else {
    for (let index = 0; index < body.length; ) {
      if (!isSubheading(body[index]!.text)) {
        blocks.push({ kind: 'paragraph', ...body[index]! });
        index++;
        continue;
      }
      let end = index;
      while (end < body.length && isSubheading(body[end]!.text)) end++;
      const run = body.slice(index, end);
      if (run.length >= VERSE_MIN_LINES && !options.strict) {
        const verse = verseBlocks(run);
        blocks.push(...verse.blocks);
        verseSpans.push(...verse.spans);
      } else blocks.push(...run.map((line): ArticleBlock => ({ kind: 'heading', ...line })));
      index = end;
    }
  }
  title = front.title ?? title;
  if (!title) {
    throw new ImportError(file, 'has no text: no title line and no paragraphs.', 'Check that this is the right file.');
  }
  if (blocks.length === 0) {
    throw new ImportError(
      file,
      'has a title but no paragraph: nothing follows it.',
      'Check that this is the right file, or add its text.',
      titleLine || undefined,
    );
  }
  if (!blocks.some((block) => block.kind === 'paragraph' || block.kind === 'verse')) {
    const why = markedByHand
      ? 'every line after it is marked as a subheading with "## "'
      : 'every line after it is short and unpunctuated, so it reads as a subheading';
    if (options.strict) {
      throw new ImportError(
        file,
        `has a title but no paragraph (${why}).`,
        `End the paragraphs with punctuation${markedByHand ? ' or unmark them' : ''}, or check the file; without --strict such lines are read as ${markedByHand ? 'paragraphs' : 'verse or paragraphs'}.`,
        titleLine || undefined,
      );
    }
    // Subheadings with no text under them are no subheadings: the article's text is these lines.
    for (const block of blocks) block.kind = 'paragraph';
    warnings.push(
      markedByHand
        ? `every line after the title is marked as a subheading ("## "): read as paragraphs, since an article needs text under its subheadings; pass --strict to refuse such files instead`
        : `every line after the title is short and unpunctuated, too few in a row (${blocks.length}) to be verse: read as paragraphs, not subheadings, since an article needs text under its subheadings; pass --strict to refuse such files instead`,
    );
  }
  if (verseSpans.length) {
    notes.push(
      `verse detected (${VERSE_MIN_LINES} or more short unpunctuated lines in a row): lines ${verseSpans.join(', ')}, shown one verse a line; mark subheadings with "## " to read such lines otherwise`,
    );
  }
  if (front.title !== undefined) titleLine = lines.slice(0, bodyStart).findIndex((line) => line.trimStart().startsWith('title:')) + 1;
  return { front, frontLines, warnings, notes, title, titleLine, blocks };
}

import { BIDI_CONTROLS, FORBIDDEN_IN_FIELD, FORBIDDEN_IN_TEXT, describeChar, describeRemoved, removeInvisible } from '../../src/article/index.ts';
import { ImportError } from './errors.ts';

export { describeChar };

/** Unicode ranges of Arabic presentation forms, as text copied from PDFs carries them. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

export interface NormalizedText {
  text: string;
  warnings: string[];
  notes: string[];
  /** How many invisible control characters were removed or replaced (normalizeArticleText without `strict`). */
  repaired?: number;
}

export interface TextRepairOptions {
  /** Refuse a text holding control characters instead of removing them. */
  strict?: boolean;
}

/** Where a value came from, for messages: the file, and the field or flag and its line. */
export interface FieldSource {
  file: string;
  /** e.g. `--tags`, `the front block's "title" field`. */
  field: string;
  line?: number;
}

/**
 * The one normalization every piece of text goes through, body and fields
 * alike: presentation forms back to the base letters they show (so search
 * and copy work), bidi controls that would reorder the display removed, NFC.
 * Diacritics, tatweel, ZWNJ, NBSP and marks such as RLM are kept.
 */
function normalizeCharacters(text: string, where: string): NormalizedText {
  const warnings: string[] = [];
  const notes: string[] = [];
  let presentationForms = 0;
  let result = text.replace(PRESENTATION_FORMS, (char) => {
    presentationForms++;
    return char.normalize('NFKC');
  });
  if (presentationForms) notes.push(`${presentationForms} Arabic presentation form(s)${where} normalized to base letters`);
  const bidi = result.match(BIDI_CONTROLS)?.length ?? 0;
  if (bidi) {
    result = result.replace(BIDI_CONTROLS, '');
    warnings.push(`removed ${bidi} bidi embedding/override control(s)${where} that would reorder the displayed text`);
  }
  const composed = result.normalize('NFC');
  if (composed !== result) notes.push(`text${where} normalized to Unicode NFC`);
  return { text: composed, warnings, notes };
}

const XML_FIX = 'XML 1.0 — and so the RSS feed — cannot carry it, and it is invisible in most editors. Delete it and import again.';
const STRICT_FIX = `${XML_FIX} (Without --strict the importer removes such characters itself, with a warning.)`;

/**
 * Controls that stand between words where a writer meant a break — form feed
 * (a page break), vertical tab (Word's line break), next line, and the
 * file/group/record/unit separators: removeInvisible (src/article) makes them
 * a space, so removing them never joins two words; they are named so in the
 * warning. Every other control is dropped: it shows nothing.
 */
const SEPARATOR_CONTROLS = /[\u000B\u000C\u001C-\u001F\u0085]/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A text with more than this share of control characters (or any NUL) is a
 * binary or badly damaged file, not an article with stray characters:
 * refused, never repaired. Not less: a code-page conversion writes U+001A
 * (substitute) for every character it cannot map — each «», dash and
 * ellipsis of an Arabic text, a few in every hundred characters — and such
 * an article must still import.
 */
const BINARY_SHARE = 0.1;
/** Up to this many control characters never make a text look binary, however short it is. */
const BINARY_MIN_COUNT = 4;

/**
 * Makes decoded article text safe and uniform without changing what it says:
 * one kind of line ending; the invisible control characters XML 1.0 cannot
 * carry (and DEL, C1 controls, U+FFFE/U+FFFF) removed, or made a space where
 * they separate words, with one warning that counts them and names the first
 * line and column; then normalizeCharacters. With `strict`, such a character
 * is refused instead, naming its line and column. A text that is mostly
 * controls (a binary file) is refused either way.
 */
export function normalizeArticleText(raw: string, file = '(text)', options: TextRepairOptions = {}): NormalizedText {
  const lines = raw.replace(/\r\n?/g, '\n');
  if (options.strict) {
    checkTextCharacters(lines, file, STRICT_FIX);
    return normalizeCharacters(lines, '');
  }
  // Nearly every text holds none: one scan decides, and the repair's two scans run only when there is one.
  if (!FORBIDDEN_IN_TEXT.test(lines)) return normalizeCharacters(lines, '');
  checkBinaryText(lines, file);
  const repair = removeControlCharacters(lines);
  const result = normalizeCharacters(repair.text, '');
  if (repair.warning) result.warnings.unshift(repair.warning);
  return repair.count ? { ...result, repaired: repair.count } : result;
}

/** Line (1-based, on LF, CR or CRLF) and column (1-based, in characters) of a position in a text. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).replace(/\r\n?/g, '\n');
  return { line: before.split('\n').length, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

/**
 * The text with every character FORBIDDEN_IN_TEXT matches removed (a
 * separator control becomes a space, a lone surrogate U+FFFD), and the one
 * warning that says what was done: how many, which, and where the first was.
 */
export function removeControlCharacters(text: string): { text: string; count: number; warning?: string } {
  const { text: repaired, removed, firstAt } = removeInvisible(text, FORBIDDEN_IN_TEXT);
  if (firstAt === -1) return { text, count: 0 };
  const count = [...removed.values()].reduce((sum, n) => sum + n, 0);
  const which = [...removed]
    .sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
    .map(([char, n]) => `${describeChar(char)} ×${n}${SEPARATOR_CONTROLS.test(char) ? ' → space' : LONE_SURROGATE.test(char) ? ' → U+FFFD' : ''}`)
    .join(', ');
  const at = position(text, firstAt);
  return {
    text: repaired,
    count,
    warning: `removed ${count} invisible control character(s) (${which}), first at line ${at.line}, column ${at.column}; pass --strict to refuse such files instead`,
  };
}

/**
 * Refuses a text that is not an article with a few stray control characters
 * but a binary or damaged file: one holding a NUL, or more control
 * characters than BINARY_SHARE of its characters (and more than
 * BINARY_MIN_COUNT). Names the first one, its line and column, and the share.
 */
export function checkBinaryText(text: string, file: string): void {
  const all = new RegExp(FORBIDDEN_IN_TEXT.source, 'gu');
  const matches = text.match(all);
  if (!matches) return;
  const nul = text.indexOf('\u0000');
  const characters = [...text].length;
  if (nul === -1 && (matches.length <= BINARY_MIN_COUNT || matches.length <= characters * BINARY_SHARE)) return;
  const first = nul !== -1 ? '\u0000' : FORBIDDEN_IN_TEXT.exec(text)![0];
  const at = position(text, nul !== -1 ? nul : text.indexOf(first));
  const share = `${((matches.length / characters) * 100).toFixed(1)}% of its ${characters.toLocaleString('en')} characters`;
  const what =
    nul !== -1
      ? `contains ${describeChar(first)} at column ${at.column} (${matches.length.toLocaleString('en')} control character(s) in all)`
      : `has ${matches.length.toLocaleString('en')} control characters (${share}), the first ${describeChar(first)} at column ${at.column}`;
  throw new ImportError(
    file,
    `${what}: it is a binary file, or text damaged in transit, not an article with a few stray control characters.`,
    'Check that this is the right file; if it is, convert or clean it (remove the control characters) and import it again.',
    at.line,
  );
}

/**
 * Throws when the text holds a character XML 1.0 cannot carry (or DEL, or a
 * C1 control), naming the first one, its line and column, and how many there
 * are. Lines are counted on LF, CR or CRLF.
 */
export function checkTextCharacters(text: string, file: string, fix = XML_FIX): void {
  const match = FORBIDDEN_IN_TEXT.exec(text);
  if (!match) return;
  const { line, column } = position(text, match.index);
  const count = text.match(new RegExp(FORBIDDEN_IN_TEXT.source, 'gu'))!.length;
  const more = count > 1 ? ` (and ${count - 1} more such character(s) further on — a binary file, or text damaged in transit?)` : '';
  throw new ImportError(file, `contains ${describeChar(match[0])} at column ${column}${more}.`, fix, line);
}

/**
 * A one-line value from the front block or the command line (title, tags,
 * source, slug, date, lang, translationOf), through the same normalization as
 * the body, trimmed. Real archives carry tabs and stray controls in titles
 * and bylines (pasted from a table, left by an old system): a tab or line
 * break becomes a space and an invisible control is left out, with a warning
 * that counts them. With `strict`, any control character or character XML
 * 1.0 cannot carry is refused instead, naming the field.
 */
export function normalizeField(value: string, from: FieldSource, strict = false): NormalizedText {
  const match = FORBIDDEN_IN_FIELD.exec(value);
  const warnings: string[] = [];
  let text = value;
  if (match && strict) {
    const position = [...value.slice(0, match.index)].length + 1;
    throw new ImportError(
      from.file,
      `has the character ${describeChar(match[0])} at character ${position} of ${from.field}: a one-line field cannot hold control characters, and the RSS feed (XML 1.0) cannot carry them.`,
      'Remove it (in a front block, YAML escapes such as "\\x0C" or "\\u001b" write such characters) and import again, or import without --strict to have it repaired.',
      from.line,
    );
  }
  if (match) {
    const repaired = removeInvisible(value, FORBIDDEN_IN_FIELD);
    text = repaired.text.replace(/ {2,}/g, ' ');
    warnings.push(
      `${from.field} held ${describeRemoved(repaired.removed)}: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)`,
    );
  }
  const result = normalizeCharacters(text, ` in ${from.field}`);
  return { ...result, warnings: [...warnings, ...result.warnings], text: result.text.trim() };
}

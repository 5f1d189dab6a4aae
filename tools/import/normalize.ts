import { BIDI_CONTROLS, FORBIDDEN_IN_FIELD, FORBIDDEN_IN_TEXT, describeChar, describeRemoved, removeInvisible } from '../../src/article/index.ts';
import { ImportError } from './errors.ts';

export { describeChar };

/** Unicode ranges of Arabic presentation forms, as text copied from PDFs carries them. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

export interface NormalizedText {
  text: string;
  warnings: string[];
  notes: string[];
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

/**
 * Makes decoded article text safe and uniform without changing what it says:
 * one kind of line ending, then normalizeCharacters. A character XML 1.0
 * cannot carry is refused, naming the line and column: removing it silently
 * could join words or hide that the file is damaged.
 */
export function normalizeArticleText(raw: string, file = '(text)'): NormalizedText {
  const lines = raw.replace(/\r\n?/g, '\n');
  checkTextCharacters(lines, file);
  return normalizeCharacters(lines, '');
}

/**
 * Throws when the text holds a character XML 1.0 cannot carry (or DEL, or a
 * C1 control), naming the first one, its line and column, and how many there
 * are. Lines are counted on LF, CR or CRLF.
 */
export function checkTextCharacters(text: string, file: string): void {
  const match = FORBIDDEN_IN_TEXT.exec(text);
  if (!match) return;
  const before = text.slice(0, match.index).replace(/\r\n?/g, '\n');
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const count = text.match(new RegExp(FORBIDDEN_IN_TEXT.source, 'gu'))!.length;
  const more = count > 1 ? ` (and ${count - 1} more such character(s) further on — a binary file, or text damaged in transit?)` : '';
  throw new ImportError(file, `contains ${describeChar(match[0])} at column ${column}${more}.`, XML_FIX, line);
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
    warnings.push(`${from.field} held ${describeRemoved(repaired.removed)}: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)`);
  }
  const result = normalizeCharacters(text, ` in ${from.field}`);
  return { ...result, warnings: [...warnings, ...result.warnings], text: result.text.trim() };
}

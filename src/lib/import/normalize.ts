import { ImportError } from './errors.ts';

/** Unicode ranges of Arabic presentation forms, as text copied from PDFs carries them. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

/** Bidi embedding, override and isolate controls: they reorder what is displayed. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Characters XML 1.0 cannot carry (C0 controls except tab, LF and CR; U+FFFE,
 * U+FFFF; lone surrogates), plus DEL and the C1 controls U+0080–U+009F, which
 * no text contains and which terminals read as commands. One of them in an
 * article would make rss.xml ill-formed.
 */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\p{Cs}]/u;
/** In a one-line field, tab, line feed and carriage return are control characters too. */
const FORBIDDEN_IN_FIELD = /[\p{Cc}\uFFFE\uFFFF\p{Cs}]/u;

const CHAR_NAMES: Record<number, string> = {
  0x00: 'NUL', 0x09: 'tab', 0x0a: 'line feed', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return', 0x1b: 'escape, which starts terminal escape sequences',
  0x7f: 'delete', 0x85: 'next line', 0x9b: 'control sequence introducer', 0xfffe: 'a noncharacter', 0xffff: 'a noncharacter',
};

/** "U+001B (escape, …)", "U+0085 (a C1 control)", "U+D800 (a lone surrogate)". */
export function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const name = CHAR_NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : code >= 0x80 && code <= 0x9f ? 'a C1 control' : code < 0x20 ? 'a control character' : undefined);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

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
 * the body, trimmed. Any control character — tab and line breaks included —
 * or character XML 1.0 cannot carry is refused, naming the field.
 */
export function normalizeField(value: string, from: FieldSource): NormalizedText {
  const match = FORBIDDEN_IN_FIELD.exec(value);
  if (match) {
    const position = [...value.slice(0, match.index)].length + 1;
    throw new ImportError(
      from.file,
      `has the character ${describeChar(match[0])} at character ${position} of ${from.field}: a one-line field cannot hold control characters, and the RSS feed (XML 1.0) cannot carry them.`,
      'Remove it (in a front block, YAML escapes such as "\\x0C" or "\\u001b" write such characters) and import again.',
      from.line,
    );
  }
  const result = normalizeCharacters(value, ` in ${from.field}`);
  return { ...result, text: result.text.trim() };
}

import { ImportError } from './errors.ts';
import { checkBinaryText } from './normalize.ts';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
  /** What was detected or converted, for the import report. */
  notes: string[];
}

const ARABIC_LETTER = /[\u0621-\u064A]/g;

/** Share of letters in the text that are Arabic, among all letters. */
function arabicShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(ARABIC_LETTER)?.length ?? 0) / letters;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes an article file: UTF-8 with or without BOM, UTF-16 with BOM, or one
 * of the legacy Arabic code pages (Windows-1256, ISO-8859-6), which are told
 * apart by which one decodes every byte and yields Arabic text. Binary files
 * (NUL bytes, text dense with control characters) and bytes no supported
 * encoding explains are errors.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', file);

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ImportError(
      file,
      `contains a NUL byte at offset ${nul}: it is binary, or UTF-16 without a byte-order mark.`,
      'Save it as UTF-8 text and import it again.',
    );
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryDecode(hasBom ? bytes.subarray(3) : bytes, 'utf-8');
  if (utf8 !== null) {
    rejectMojibake(utf8, file);
    rejectControlCharacters(utf8, file);
    return { text: utf8, encoding: 'utf-8', notes: hasBom ? ['UTF-8 with a byte-order mark'] : [] };
  }
  // Mostly UTF-8 with a line that is not: a paragraph pasted from a file in another encoding.
  rejectMixedEncoding(hasBom ? bytes.subarray(3) : bytes, file, hasBom ? 3 : 0);

  // Not UTF-8: one of the Arabic code pages of the 1990s and 2000s.
  const candidates = (['windows-1256', 'iso-8859-6'] as const)
    .map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) }))
    // ISO-8859-6 reads 0x80–0x9F as C1 control codes, which no text contains; Windows-1256 has letters there.
    .filter(
      (candidate): candidate is { encoding: 'windows-1256' | 'iso-8859-6'; text: string } => candidate.text !== null && !/[\u0080-\u009F]/.test(candidate.text),
    )
    .map((candidate) => ({ ...candidate, share: arabicShare(candidate.text) }))
    .sort((a, b) => b.share - a.share);
  const best = candidates[0];
  if (!best || best.share < 0.5) {
    throw new ImportError(
      file,
      'is neither UTF-8, UTF-16 with a byte-order mark, Windows-1256 nor ISO-8859-6 text (some bytes decode to nothing readable).',
      'Convert it to UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`) and import it again.',
    );
  }
  rejectControlCharacters(best.text, file);
  const name = best.encoding === 'windows-1256' ? 'Windows-1256' : 'ISO-8859-6';
  return { text: best.text, encoding: best.encoding, notes: [`converted from ${name} to UTF-8`] };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): DecodedText {
  if (bytes.length % 2 !== 0) {
    throw new ImportError(file, `has a UTF-16 byte-order mark but an odd number of bytes.`, 'The file is cut short or not UTF-16; save it again as UTF-8.');
  }
  const text = tryDecode(bytes, encoding);
  if (text === null) {
    throw new ImportError(file, `has a UTF-16 byte-order mark but invalid UTF-16 data.`, 'Save it again as UTF-8.');
  }
  rejectMojibake(text, file);
  rejectControlCharacters(text, file);
  return { text, encoding, notes: [`converted from ${encoding.toUpperCase()} to UTF-8`] };
}

/**
 * A text dense with control characters is a binary file that happens to
 * decode, refused with the first one's line and column. A few stray ones are
 * left to normalizeArticleText, which removes them (or, with --strict, refuses).
 */
function rejectControlCharacters(text: string, file: string): void {
  checkBinaryText(text, file);
}

/** A line that decodes as UTF-8 and has at least this many non-ASCII characters is evidence the file is UTF-8. */
const UTF8_EVIDENCE_CHARACTERS = 3;

/**
 * Refuses a file that is UTF-8 except for some lines (typically a paragraph
 * pasted from a Windows-1256 document): decoding it whole in any single
 * encoding would garble one part or the other. Names the first line that is
 * not valid UTF-8. A file in one legacy encoding has no line that is both
 * valid UTF-8 and rich in non-ASCII characters, so it is not caught here.
 */
function rejectMixedEncoding(bytes: Uint8Array, file: string, offset: number): void {
  let firstInvalid: { line: number; byte: number } | undefined;
  let utf8Lines = 0;
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const text = tryDecode(bytes.subarray(start, end), 'utf-8');
    if (text === null) {
      if (!firstInvalid) firstInvalid = { line, byte: offset + firstInvalidUtf8(bytes, start, end) };
    } else if ((text.match(/[^\u0000-\u007F]/gu)?.length ?? 0) >= UTF8_EVIDENCE_CHARACTERS) {
      utf8Lines++;
    }
    start = end + 1;
  }
  if (!firstInvalid || utf8Lines === 0) return;
  throw new ImportError(
    file,
    `is UTF-8 (${utf8Lines} line(s) of non-ASCII text decode as UTF-8), but this line is not valid UTF-8 (byte offset ${firstInvalid.byte}): the file mixes encodings — a paragraph pasted from a Windows-1256 or other legacy file?`,
    'Convert that part to UTF-8 (or retype it) and import again; decoding the whole file one way would garble the other part.',
    firstInvalid.line,
  );
}

/** Offset of the first byte in [start, end) that does not begin a valid UTF-8 sequence (end when all do). */
function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  while (index < end) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > end) return index;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (bytes[index + 1]! < low || bytes[index + 1]! > high) return index;
    for (let next = 2; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return end;
}

const byteRange = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, index) => from + index);
/** Lead bytes of Arabic in UTF-8 (0xD8–0xDB), as Windows-1256 (ط ظ ع غ) and Windows-1252/Latin-1 (Ø Ù Ú Û) show them. */
const MOJIBAKE_LEADS = new TextDecoder('windows-1256').decode(byteRange(0xd8, 0xdb)) + new TextDecoder('windows-1252').decode(byteRange(0xd8, 0xdb));
/**
 * UTF-8 continuation bytes (0x80–0xBF) as those code pages show them — minus
 * what real Arabic text has after ط ظ ع غ (Arabic letters and punctuation,
 * NBSP, guillemets, ZWNJ/ZWJ), so genuine text is never taken for mojibake.
 */
const MOJIBAKE_TRAILS = [
  ...new Set([
    ...new TextDecoder('windows-1256').decode(byteRange(0x80, 0xbf)),
    ...new TextDecoder('windows-1252').decode(byteRange(0x80, 0xbf)),
    ...String.fromCharCode(...byteRange(0x80, 0xbf)),
  ]),
]
  // U+060C، U+061B؛ U+061F؟ are Arabic punctuation of the Common script.
  .filter((char) => !/[\p{Script=Arabic}\u060C\u061B\u061F\u00A0\u00AB\u00BB\u200C\u200D]/u.test(char))
  .join('');
const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');
const MOJIBAKE_PAIR = new RegExp(`[${escapeClass(MOJIBAKE_LEADS)}][${escapeClass(MOJIBAKE_TRAILS)}]`, 'gu');
/**
 * A garbled Arabic word is pairs back to back («ط§ظ„»): two adjacent pairs at
 * least. Genuine text has a lone ع or ط before punctuation («ع،»), never a run.
 */
const MOJIBAKE_RUN = new RegExp(`(?:[${escapeClass(MOJIBAKE_LEADS)}][${escapeClass(MOJIBAKE_TRAILS)}]){2}`, 'u');
/** Pairs on one line before it counts as mojibake: a garbled Arabic word alone gives several. */
const MOJIBAKE_MIN_PAIRS = 3;

/**
 * Bytes back from mojibake, for showing what the text once said: the run of
 * characters the code page can encode, from `text`'s start, turned back into
 * bytes and decoded as UTF-8 (a cut-off last character is dropped).
 */
function repairMojibake(text: string): string | null {
  const encoding = /^[ØÙÚÛ]/.test(text) ? 'windows-1252' : 'windows-1256';
  const table = new Map([...new TextDecoder(encoding).decode(byteRange(0x80, 0xff))].map((char, index) => [char, 0x80 + index]));
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte = code < 0x80 ? code : (table.get(char) ?? (encoding === 'windows-1252' && code >= 0x80 && code <= 0x9f ? code : undefined));
    if (byte === undefined) break;
    bytes.push(byte);
  }
  for (let drop = 0; drop < 4 && drop < bytes.length; drop++) {
    const repaired = tryDecode(Uint8Array.from(bytes.slice(0, bytes.length - drop)), 'utf-8');
    if (repaired?.trim()) return repaired.trim();
  }
  return null;
}

/**
 * Refuses UTF-8 text that was once decoded as Windows-1256 or Windows-1252
 * and saved again: "العربية" became "ط§ظ„ط¹ط±ط¨ظٹط©" or "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©".
 * It is valid UTF-8, so nothing else would notice. Names the first such line.
 */
function rejectMojibake(text: string, file: string): void {
  const lines = text.split(/\r\n?|\n/);
  for (const [index, line] of lines.entries()) {
    const pairs = line.match(MOJIBAKE_PAIR)?.length ?? 0;
    if (pairs < MOJIBAKE_MIN_PAIRS || !MOJIBAKE_RUN.test(line)) continue;
    const at = line.search(MOJIBAKE_PAIR);
    const sample = [...line.slice(at)].slice(0, 12).join('');
    const repaired = repairMojibake(line.slice(at));
    throw new ImportError(
      file,
      `has mojibake on this line ("${sample}…", ${pairs} telltale pairs): UTF-8 text that was once decoded as Windows-1256 or Windows-1252 and saved again${repaired ? ` — it probably read "${[...repaired].slice(0, 40).join('')}${[...repaired].length > 40 ? '…' : ''}"` : ''}.`,
      'Import the original file, or repair the text (encode it back to that code page and decode the bytes as UTF-8), and check the result.',
      index + 1,
    );
  }
}

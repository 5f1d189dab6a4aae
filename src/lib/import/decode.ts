import { ImportError } from './errors.ts';
import { checkTextCharacters } from './normalize.ts';

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
 * apart by which one decodes every byte and yields Arabic text. Binary files,
 * NUL bytes and bytes no supported encoding explains are errors.
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
    rejectControlCharacters(utf8, file);
    return { text: utf8, encoding: 'utf-8', notes: hasBom ? ['UTF-8 with a byte-order mark'] : [] };
  }

  // Not UTF-8: one of the Arabic code pages of the 1990s and 2000s.
  const candidates = (['windows-1256', 'iso-8859-6'] as const)
    .map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) }))
    // ISO-8859-6 reads 0x80–0x9F as C1 control codes, which no text contains; Windows-1256 has letters there.
    .filter((candidate): candidate is { encoding: 'windows-1256' | 'iso-8859-6'; text: string } => candidate.text !== null && !/[\u0080-\u009F]/.test(candidate.text))
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
  rejectControlCharacters(text, file);
  return { text, encoding, notes: [`converted from ${encoding.toUpperCase()} to UTF-8`] };
}

/** Control characters (and anything else XML 1.0 cannot carry) are refused with the first one's line and column. */
function rejectControlCharacters(text: string, file: string): void {
  checkTextCharacters(text, file);
}

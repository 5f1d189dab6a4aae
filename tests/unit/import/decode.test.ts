import { describe, expect, test } from 'vitest';
import { decodeArticleBytes } from '../../../tools/import/decode.ts';
import { ImportError } from '../../../tools/import/errors.ts';
import { encodeSingleByte, encodeUtf16 } from '../../helpers/encodings.ts';

const arabic = 'أذربيجان توقف الهجوم\nقالت الحكومة إنها وافقت على وقف إطلاق النار.\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding article files', () => {
  test('UTF-8 without and with a byte-order mark', () => {
    expect(decodeArticleBytes(utf8(arabic), 'a.txt')).toEqual({ text: arabic, encoding: 'utf-8', notes: [] });
    const withBom = decodeArticleBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(arabic)]), 'a.txt');
    expect(withBom.text).toBe(arabic);
    expect(withBom.notes).toEqual(['UTF-8 with a byte-order mark']);
  });

  test('UTF-16 little- and big-endian with a byte-order mark', () => {
    for (const endianness of ['le', 'be'] as const) {
      const decoded = decodeArticleBytes(encodeUtf16(arabic, endianness), 'a.txt');
      expect(decoded.text).toBe(arabic);
      expect(decoded.encoding).toBe(`utf-16${endianness}`);
    }
  });

  test('Windows-1256 and ISO-8859-6 are detected and converted, with a note', () => {
    // ISO-8859-6 has no hamza-on-alef forms beyond the basic ones and no Persian letters: keep to its repertoire.
    const plain = 'الحكومة توقف الهجوم\nقالت الحكومة انها وافقت على وقف اطلاق النار.\n';
    const windows = decodeArticleBytes(encodeSingleByte(plain, 'windows-1256'), 'old.txt');
    expect(windows).toEqual({ text: plain, encoding: 'windows-1256', notes: ['converted from Windows-1256 to UTF-8'] });
    const iso = decodeArticleBytes(encodeSingleByte(plain, 'iso-8859-6'), 'old.txt');
    expect(iso).toEqual({ text: plain, encoding: 'iso-8859-6', notes: ['converted from ISO-8859-6 to UTF-8'] });
  });

  test('Windows-1256 text with bytes ISO-8859-6 reads as control codes (پ, گ) is Windows-1256', () => {
    const persianLetters = 'پدر بابا گرد\n';
    expect(decodeArticleBytes(encodeSingleByte(persianLetters, 'windows-1256'), 'old.txt')).toMatchObject({ text: persianLetters, encoding: 'windows-1256' });
  });

  test('a NUL byte is an error naming the file and what to do', () => {
    expect(() => decodeArticleBytes(Uint8Array.from([0x61, 0x00, 0x62]), 'x.bin')).toThrow(
      'x.bin: contains a NUL byte at offset 1: it is binary, or UTF-16 without a byte-order mark. Save it as UTF-8 text and import it again.',
    );
  });

  test('bytes no supported encoding explains are an error', () => {
    // 0x81 0x8d 0x8f 0x90 are undefined or non-Arabic in both code pages and invalid UTF-8.
    const junk = Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x41, 0x42, 0x0a]);
    expect(() => decodeArticleBytes(junk, 'junk.txt')).toThrow(ImportError);
    expect(() => decodeArticleBytes(junk, 'junk.txt')).toThrow(/junk\.txt: is neither UTF-8.*Convert it to UTF-8/);
  });

  test('text dense with control characters (a binary file that happens to be valid UTF-8) is refused, naming the line', () => {
    expect(() => decodeArticleBytes(utf8('title\r\nfirst\r\n\u0001\u0002\u0003\u0004\u0005'), 'c.txt')).toThrow(
      /^c\.txt:3: has 5 control characters \(26\.3% of its 19 characters\), the first U\+0001 \(a control character\) at column 1: it is a binary file, or text damaged in transit/,
    );
    expect(() => decodeArticleBytes(encodeUtf16('title\nfirst\u0000 paragraph.\n', 'le'), 'u.txt')).toThrow(
      /^u\.txt:2: contains U\+0000 \(NUL\) at column 6 \(1 control character\(s\) in all\): it is a binary file/,
    );
  });

  test('a few stray control characters are left to normalizeArticleText, which removes them', () => {
    expect(decodeArticleBytes(utf8('title\nfirst\u0007 paragraph.\n'), 'b.txt').text).toBe('title\nfirst\u0007 paragraph.\n');
  });
});

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeArticleBytes } from '../../../tools/import/decode.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { encodeSingleByte, encodeUtf16 } from '../../helpers/encodings.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
};
/** What a tool that took UTF-8 for a code page and saved the result again as UTF-8 made of the text. */
const mojibake = (text: string, codePage: 'windows-1256' | 'windows-1252') => new TextDecoder(codePage).decode(utf8(text));

const title = 'أذربيجان توقف الهجوم على المقاطعة';
const paragraph = 'أعلنت أذربيجان أنها ستوقف الهجوم على المقاطعة المتنازع عليها.';
const legacy = 'وقالت الحكومة إنها وافقت على وقف إطلاق النار بعد الهجوم.';

describe('a UTF-8 file with a part in another encoding is refused, naming the first line that is not UTF-8', () => {
  const cases: [string, Uint8Array, number][] = [
    [
      'Windows-1256 paragraph in the middle',
      concat(utf8(`${title}\n${paragraph}\n`), encodeSingleByte(`${legacy}\n`, 'windows-1256'), utf8(`${paragraph}\n`)),
      3,
    ],
    ['Windows-1256 paragraph last, no final newline', concat(utf8(`${title}\n${paragraph}\n${paragraph}\n`), encodeSingleByte(legacy, 'windows-1256')), 4],
    ['ISO-8859-6 paragraph', concat(utf8(`${title}\n`), encodeSingleByte(`${legacy}\n`, 'iso-8859-6'), utf8(`${paragraph}\n`)), 2],
    ['CRLF lines and a BOM', concat(utf8(`\uFEFF${title}\r\n${paragraph}\r\n\r\n`), encodeSingleByte(`${legacy}\r\n`, 'windows-1256')), 4],
    [
      'one Latin-1 word in an English article',
      concat(utf8('Café society — “quoted” text\nThe café’s owner said so.\n'), Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x0a])),
      3,
    ],
    ['a UTF-8 character cut short', concat(utf8(`${title}\n${paragraph}\n`), utf8('فقرة').subarray(0, 3), utf8('.\n')), 3],
  ];
  for (const [name, bytes, line] of cases) {
    test(name, () => {
      expect(() => decodeArticleBytes(bytes, 'mixed.txt')).toThrow(
        new RegExp(
          `^mixed\\.txt:${line}: is UTF-8 \\(\\d+ line\\(s\\) of non-ASCII text decode as UTF-8\\), but this line is not valid UTF-8 \\(byte offset \\d+\\): the file mixes encodings.* Convert that part to UTF-8`,
        ),
      );
    });
  }

  test('the byte offset is the first byte that is not UTF-8', () => {
    const head = utf8(`${title}\n${paragraph}\nab`);
    expect(() => decodeArticleBytes(concat(head, encodeSingleByte(legacy, 'windows-1256')), 'm.txt')).toThrow(`(byte offset ${head.length})`);
  });

  test('whole files in one legacy encoding still decode (no false alarm), even with byte pairs that happen to be UTF-8', () => {
    // "تستطيع؟" ends in 0xDA 0xBF, a valid UTF-8 pair.
    const text = `${legacy}\nماذا تستطيع؟\n${legacy}\n`;
    expect(decodeArticleBytes(encodeSingleByte(text, 'windows-1256'), 'w.txt')).toMatchObject({ text, encoding: 'windows-1256' });
    expect(decodeArticleBytes(encodeSingleByte(legacy, 'iso-8859-6'), 'i.txt')).toMatchObject({ text: legacy, encoding: 'iso-8859-6' });
  });

  test('the import fails and writes nothing', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-mixed-'));
    const file = path.join(work, 'mixed.txt');
    writeFileSync(file, cases[0]![1]);
    await expect(importArticle(file, { contentDir: path.join(work, 'content'), lang: 'ar' })).rejects.toThrow(/mixed\.txt:3: is UTF-8/);
    expect(readdirSync(work)).toEqual(['mixed.txt']);
  });
});

describe('mojibake — UTF-8 once decoded as Windows-1256 or Windows-1252 and saved again — is refused with its line', () => {
  const cases: [string, string, number, RegExp][] = [
    ['Windows-1256 flavour in a paragraph', `${title}\n${paragraph}\n${mojibake(legacy, 'windows-1256')}\n`, 3, /\("ط§ظ„.*"\)|"وقالت|ط/],
    ['Windows-1252 flavour (Ø§Ù„) in the title', `${mojibake(title, 'windows-1252')}\n${paragraph}\n`, 1, /Ø/],
    ['a single garbled word', `${title}\n${paragraph}\nقال ${mojibake('العربية', 'windows-1252')} هنا.\n`, 3, /Ø§Ù„/],
    ['in a front-block value', `---\ntitle: "${mojibake('عنوان المقال', 'windows-1256')}"\n---\n${paragraph}\n`, 2, /ط/],
    ['after CRLF lines', `${title}\r\n${paragraph}\r\n\r\n${mojibake(paragraph, 'windows-1256')}\r\n`, 4, /ط/],
  ];
  for (const [name, text, line, sample] of cases) {
    test(name, () => {
      let message = '';
      try {
        decodeArticleBytes(utf8(text), 'moji.txt');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(
        new RegExp(
          `^moji\\.txt:${line}: has mojibake on this line \\(".*…", \\d+ telltale pairs\\): UTF-8 text that was once decoded as Windows-1256 or Windows-1252 and saved again — it probably read "`,
        ),
      );
      expect(message).toMatch(sample);
    });
  }

  test('the message shows what the line probably said', () => {
    expect(() => decodeArticleBytes(utf8(`${title}\n${mojibake(paragraph, 'windows-1252')}\n`), 'm.txt')).toThrow(
      `it probably read "${[...paragraph].slice(0, 40).join('')}…"`,
    );
  });

  test('also in UTF-16 files', () => {
    expect(() =>
      decodeArticleBytes(concat(Uint8Array.from([0xff, 0xfe]), encodeUtf16(`${title}\n${mojibake(paragraph, 'windows-1256')}\n`, 'le')), 'u.txt'),
    ).toThrow(/^u\.txt:2: has mojibake/);
  });

  test('genuine text is never taken for mojibake', () => {
    const genuine = [
      // Lone ع and ط before Arabic punctuation (abbreviations, single letters), several on one line.
      'قال ع، في ط، ثم غ؛ وبعدها ظ؟ انتهى الخبر هنا بلا مشكلة.',
      readFileSync(new URL('../../fixtures/seed/000_2807e117feb6745e.txt', import.meta.url), 'utf8'),
      readFileSync(new URL('../../fixtures/seed/000_2807e117feb6745e.en.txt', import.meta.url), 'utf8'),
      'ماذا تستطيع؟ لا شيء، فقط النظر. هل تستطيع؟ قال: «لا أستطيع» وانصرف.\n',
      'Østerbro og Ørestad ligger i København; Ú og Û er sjældne.\n',
      'Le café « Ø » coûte 2 € — prix ± 10 %, § 3.\n',
      'Ø€ Ù„ once is not a line of mojibake.\n',
    ];
    for (const text of genuine) expect(decodeArticleBytes(utf8(text), 'g.txt').text, text.slice(0, 30)).toBe(text);
  });
});

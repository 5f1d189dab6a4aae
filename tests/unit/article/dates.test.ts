import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { dateProblem, latestDate } from '../../../src/article/index.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { splitMdxFile } from '../../../tools/import/to-mdx.ts';

const article = 'أذربيجان توقف الهجوم\nأعلنت أذربيجان أنها ستوقف الهجوم.\n';
const now = new Date('2026-06-15T12:00:00Z');

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-dates-'));
  const contentDir = path.join(work, 'content');
  const source = (name: string, text: string) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  return { work, contentDir, source };
}

describe('dates are checked against the calendar, not a pattern', () => {
  test('real days pass, leap days only in leap years (400-year rule included)', () => {
    for (const date of ['2023-09-20', '2024-02-29', '2000-02-29', '1000-01-01', '1999-12-31', '2027-12-31']) expect(dateProblem(date, now), date).toBeNull();
    expect(dateProblem('2023-02-29', now)).toMatch(/is not a day of the calendar \(2023-02 has 28 days\)/);
    expect(dateProblem('1900-02-29', now)).toMatch(/is not a day of the calendar/);
    expect(dateProblem('2100-02-29', new Date('2099-01-01'))).toMatch(/is not a day of the calendar/);
  });

  test('impossible days and months are refused', () => {
    for (const date of ['2023-02-30', '2023-04-31', '2023-06-00', '2023-13-01', '2023-00-10', '2023-11-31']) {
      expect(dateProblem(date, now), date).toMatch(/is not a day of the calendar/);
    }
  });

  test('years before 1000 and dates after the end of next year are refused, never shifted', () => {
    for (const date of ['0050-06-01', '0000-01-01', '0999-12-31']) expect(dateProblem(date, now), date).toMatch(/before the year 1000/);
    expect(latestDate(now)).toBe('2027-12-31');
    for (const date of ['2028-01-01', '9999-12-31', '3000-06-01']) expect(dateProblem(date, now), date).toMatch(/after 2027-12-31, the end of next year/);
  });

  test('anything not written as YYYY-MM-DD is refused', () => {
    for (const date of ['2023-9-20', '20-09-2023', '2023/09/20', ' 2023-09-20', '2023-09-20T00:00', '２０２３-09-20', '', '2023']) {
      expect(dateProblem(date, now), date).toBe(`"${date}" is not a date written YYYY-MM-DD`);
    }
  });
});

describe('dates at import', () => {
  test('--date and the front block are refused with where they came from (and the line) and what to do', async () => {
    const { contentDir, source } = setup();
    const cases: [string, string, string | undefined, RegExp][] = [
      [
        'flag-early.txt',
        article,
        '0050-06-01',
        /flag-early\.txt: has an invalid date \(--date\): 0050-06-01 is before the year 1000.*Write a real date as YYYY-MM-DD between 1000-01-01 and \d{4}-12-31/,
      ],
      ['flag-feb.txt', article, '2023-02-30', /flag-feb\.txt: has an invalid date \(--date\): 2023-02-30 is not a day of the calendar/],
      [
        'front-late.txt',
        `---\ndate: 9999-12-31\n---\n${article}`,
        undefined,
        /front-late\.txt:2: has an invalid date \(the front block's "date" field\): 9999-12-31 is after/,
      ],
      [
        'front-feb.txt',
        `---\ntitle: عنوان\ndate: 2023-02-30\n---\n${article}`,
        undefined,
        /front-feb\.txt:3: has an invalid date \(the front block's "date" field\): 2023-02-30 is not a day of the calendar/,
      ],
      ['front-quoted.txt', `---\ndate: "0050-06-01"\n---\n${article}`, undefined, /front-quoted\.txt:2: .*before the year 1000/],
      ['front-number.txt', `---\ndate: 2023\n---\n${article}`, undefined, /front-number\.txt:2: has an invalid date .*"2023" is not a date written YYYY-MM-DD/],
    ];
    for (const [name, text, date, message] of cases) {
      await expect(importArticle(source(name, text), { contentDir, lang: 'ar', ...(date ? { date } : {}) }), name).rejects.toThrow(message);
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('the front matter carries the date as a quoted string that every YAML reader keeps as written', async () => {
    const { contentDir, source } = setup();
    for (const [name, date] of [
      ['a.txt', '2023-09-20'],
      ['b.txt', '1000-01-01'],
      ['c.txt', '2024-02-29'],
    ] as const) {
      const result = await importArticle(source(name, `عنوان ${name}\nفقرة عن ${name}.\n`), { contentDir, lang: 'ar', date });
      const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
      expect(mdx).toContain(`\ndate: "${date}"\n`);
      // The yaml 1.1 schema (as some readers use) would turn an unquoted date into a timestamp.
      expect(parseYaml(splitMdxFile(mdx)!.frontMatter, { schema: 'yaml-1.1' }).date).toBe(date);
    }
  });
});

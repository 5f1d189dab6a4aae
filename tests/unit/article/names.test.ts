import { describe, expect, test } from 'vitest';
import {
  authorProblem,
  MAX_TAG_LENGTH,
  NameBook,
  nameKey,
  normalizeName as normalizeTag,
  tagPath,
  nameKey as tagSegment,
  tagProblem as validateTag,
} from '../../../src/article/index.ts';

describe('tagSegment: the one definition of a tag page URL segment', () => {
  test('keeps the tag in its own script; Latin letters lowercased; space and hyphen runs as one hyphen', () => {
    expect(tagSegment('قره باغ')).toBe('قره-باغ');
    expect(tagSegment('Nagorno-Karabakh')).toBe('nagorno-karabakh');
    expect(tagSegment('  Nagorno -  Karabakh ')).toBe('nagorno-karabakh');
    expect(tagSegment('Nagorno--Karabakh')).toBe('nagorno-karabakh');
    expect(tagSegment('ÉTÉ Été')).toBe('été-été');
    expect(tagSegment('-edge-')).toBe('edge');
    expect(tagSegment('שלום עולם')).toBe('שלום-עולם');
  });

  test('only Latin letters are lowercased; other scripts are left as written', () => {
    expect(tagSegment('ΑΘΗΝΑ')).toBe('ΑΘΗΝΑ');
    expect(tagSegment('Москва')).toBe('Москва');
  });

  test('NFC: composed and decomposed spellings give one segment', () => {
    expect(tagSegment('Cafe\u0301')).toBe(tagSegment('Caf\u00E9'));
    expect(tagSegment('\u0627\u0653')).toBe(tagSegment('\u0622'));
  });

  test('tagPath uses it', () => {
    expect(tagPath('en', 'Nagorno Karabakh')).toBe('en/tags/nagorno-karabakh/');
    expect(normalizeTag('  a \t b ')).toBe('a b');
  });
});

describe('validateTag finds every problem a tag page would have', () => {
  test('good tags pass, in any script', () => {
    for (const tag of [
      'أذربيجان',
      'قره باغ',
      'Nagorno-Karabakh',
      'C++',
      'COVID-19',
      'نصف\u200Cفاصلة',
      '2023',
      'a'.repeat(MAX_TAG_LENGTH),
      'ق'.repeat(MAX_TAG_LENGTH),
    ]) {
      expect(validateTag(tag), tag).toBeNull();
    }
  });

  test('empty and too long, counted in characters after normalization', () => {
    for (const tag of ['', '   ', '\u00A0']) expect(validateTag(tag), JSON.stringify(tag)).toBe('is empty');
    expect(validateTag('a'.repeat(61))).toBe('is 61 characters long (the limit is 60)');
    expect(validateTag('ق'.repeat(61))).toBe('is 61 characters long (the limit is 60)');
    // Counted after white space is collapsed and NFC composes: 58 + 1 + 1 and 59 + é are 60.
    expect(validateTag(`${'a'.repeat(58)}   b`)).toBeNull();
    expect(validateTag(`${'a'.repeat(59)}e\u0301`)).toBeNull();
    expect(validateTag('😀'.repeat(61))).toMatch(/61 characters/);
  });

  test('dot segments and tags of only punctuation or symbols', () => {
    expect(validateTag('.')).toMatch(/is "\."/);
    expect(validateTag(' .. ')).toMatch(/is "\.\."/);
    for (const tag of ['...', '-', '!!', '؟', '«»', '***', '+', '— –', '…']) expect(validateTag(tag), tag).toBe('has only punctuation or symbols');
  });

  test('control characters, NUL included, are named with their code and position', () => {
    expect(validateTag('ab\0c')).toBe('contains the control character U+0000 (NUL) at character 3');
    expect(validateTag('\x1b[31mred')).toBe('contains the control character U+001B at character 1');
    expect(validateTag('tab\there')).toBe('contains the control character U+0009 at character 4');
    expect(validateTag('form\x0Cfeed')).toMatch(/U\+000C at character 5/);
    expect(validateTag('c1\u0085')).toMatch(/U\+0085 at character 3/);
    expect(validateTag('del\x7F')).toMatch(/U\+007F/);
  });

  test('characters XML cannot carry and bidi controls', () => {
    expect(validateTag('a\uFFFEb')).toMatch(/U\+FFFE, which XML 1.0/);
    expect(validateTag('a\uD800b')).toMatch(/U\+D800, which XML 1.0/);
    expect(validateTag('a\u202Eb')).toBe('contains the bidi control U+202E at character 2');
  });

  test('/ \\ ? # % are refused with the character and where it is', () => {
    expect(validateTag('a/b')).toBe('contains a slash "/" at character 2, which a URL path segment cannot hold');
    expect(validateTag('a\\b')).toMatch(/backslash "\\" at character 2/);
    expect(validateTag('why?')).toMatch(/question mark "\?" at character 4/);
    expect(validateTag('#tag')).toMatch(/hash "#" at character 1/);
    expect(validateTag('100%')).toMatch(/percent sign "%" at character 4/);
    expect(validateTag('../etc')).toMatch(/slash/);
  });
});

describe('names are identities, spellings are data', () => {
  test('bylines that differ by spacing around punctuation, dashes, tatweel, vowel marks or edge punctuation share one key', () => {
    const spellings = [
      'واس - الرياض',
      'واس- الرياض',
      'واس -الرياض',
      'واس-الرياض',
      'واس ـ الرياض',
      'واس – الرياض',
      'واس  -  الريـــاض.',
      ' واس - الرياض ',
      'واس\u00A0-\u00A0الرياض',
    ];
    expect(new Set(spellings.map(nameKey))).toEqual(new Set(['واس-الرياض']));
    expect(nameKey('د. محمد')).toBe(nameKey('د.محمد'));
    expect(nameKey('مُحَمَّد')).toBe(nameKey('محمد'));
    expect(nameKey('(رويترز)')).toBe('رويترز');
  });

  test('names that are not the same keep their own keys', () => {
    expect(nameKey('الرياض - واس')).not.toBe(nameKey('واس - الرياض'));
    expect(nameKey('C++')).not.toBe(nameKey('C'));
    expect(nameKey('علي')).not.toBe(nameKey('عليا'));
  });

  test('NameBook: one name per key, shown under the most used spelling (ties by code point), with what was joined', () => {
    const book = new NameBook();
    for (const name of ['واس- الرياض', 'واس - الرياض', 'واس - الرياض', 'واس-الرياض', 'اليوم - أبها', 'اليوم- أبها', 'خالد المالكي']) book.add(name);
    expect(book.shownAs('واس-الرياض')).toBe('واس - الرياض');
    expect(book.shownAs('اليوم- أبها')).toBe(['اليوم - أبها', 'اليوم- أبها'].sort()[0]);
    expect(book.names()).toHaveLength(3);
    expect(
      book
        .joined()
        .map((name) => name.key)
        .sort(),
    ).toEqual(['اليوم-أبها', 'واس-الرياض']);
    expect(book.joined().find((name) => name.key === 'واس-الرياض')!.spellings).toEqual([
      { spelling: 'واس - الرياض', count: 2 },
      { spelling: 'واس- الرياض', count: 1 },
      { spelling: 'واس-الرياض', count: 1 },
    ]);
  });

  test('a byline is checked like a tag, without the URL characters a tag cannot hold', () => {
    expect(authorProblem('Jane Doe / John Roe')).toBeNull();
    expect(authorProblem('…')).toMatch(/no letter or digit/);
    expect(authorProblem('أ'.repeat(121))).toMatch(/121 characters long \(the limit is 120\)/);
    expect(authorProblem('a\tb')).toMatch(/U\+0009/);
  });
});

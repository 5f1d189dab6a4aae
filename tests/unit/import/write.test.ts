import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { createFileExclusive, writeFileAtomic } from '../../../tools/import/write.ts';

test('an atomic write replaces the file whole and leaves no temporary file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-write-'));
  const file = path.join(dir, 'ar', 'a.mdx');
  await writeFileAtomic(file, 'first');
  await writeFileAtomic(file, 'second');
  expect(readFileSync(file, 'utf8')).toBe('second');
  expect(readdirSync(path.dirname(file))).toEqual(['a.mdx']);
});

test('a write that cannot complete leaves what was there and no temporary file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-write-'));
  // A non-empty folder where the article should go: the final rename must fail.
  const target = path.join(dir, 'a.mdx');
  mkdirSync(target);
  writeFileSync(path.join(target, 'keep.txt'), 'kept');
  await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
  expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
  expect(readdirSync(dir)).toEqual(['a.mdx']);
});

test('an exclusive create writes a new file whole, and never replaces one that is there', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-write-'));
  const file = path.join(dir, 'ar', 'a.mdx');
  expect(await createFileExclusive(file, 'first')).toBe(true);
  expect(await createFileExclusive(file, 'second')).toBe(false);
  expect(readFileSync(file, 'utf8')).toBe('first');
  expect(readdirSync(path.dirname(file))).toEqual(['a.mdx']);
});

test('of many exclusive creates of one name at once, exactly one wins and its content is whole', async () => {
  for (let round = 0; round < 5; round++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-write-'));
    const file = path.join(dir, 'a.mdx');
    const contents = Array.from({ length: 20 }, (_, index) => `writer ${index} `.repeat(5000));
    const won = await Promise.all(contents.map((content) => createFileExclusive(file, content)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(contents[won.indexOf(true)]);
    expect(readdirSync(dir)).toEqual(['a.mdx']);
  }
});

test('an exclusive create onto a folder or an unwritable place fails without leaving a temporary file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-write-'));
  mkdirSync(path.join(dir, 'taken.mdx'));
  expect(await createFileExclusive(path.join(dir, 'taken.mdx'), 'x')).toBe(false);
  expect(readdirSync(dir)).toEqual(['taken.mdx']);
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeFileAtomic } from '../../../src/lib/import/write.ts';

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

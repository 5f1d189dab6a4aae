import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../helpers/site.ts';
import { collectFiles } from '../../../tools/import/collect.ts';
import { ImportError } from '../../../tools/import/errors.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { printable } from '../../../tools/import/printable.ts';
import { removeOrphanTemporaries } from '../../../tools/import/write.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const node = path.join(root, 'node_modules/.bin/node');
const article = (n: number | string) => `أذربيجان توقف الهجوم ${n}\nأعلنت أذربيجان أنها ستوقف الهجوم ${n}.\n`;

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(node, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('orphan temporary files of a killed import are removed by later runs, and reported', () => {
  test("dead process or older than an hour: removed; a live import's fresh file and other names: kept", async () => {
    const contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'arshif-orphans-')), 'content');
    mkdirSync(path.join(contentDir, 'ar'), { recursive: true });
    mkdirSync(path.join(contentDir, 'en'), { recursive: true });
    const dead = deadPid();
    const files = {
      dead: `ar/.a.mdx.${dead}.0123abcd.tmp`,
      deadEn: `en/.b.mdx.${dead}.deadbeef.tmp`,
      deadTop: `.c.mdx.${dead}.00000000.tmp`,
      liveFresh: `ar/.d.mdx.${process.pid}.11111111.tmp`,
      liveOld: `ar/.e.mdx.${process.pid}.22222222.tmp`,
      article: 'ar/a.mdx',
      otherDot: 'ar/.notes.tmp',
      wrongHex: `ar/.f.mdx.${dead}.xyz.tmp`,
    };
    for (const file of Object.values(files)) writeFileSync(path.join(contentDir, file), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(contentDir, files.liveOld), twoHoursAgo, twoHoursAgo);

    const dry = await removeOrphanTemporaries(contentDir, { dryRun: true });
    expect(dry).toHaveLength(4);
    for (const file of Object.values(files)) expect(existsSync(path.join(contentDir, file)), file).toBe(true);

    const removed = await removeOrphanTemporaries(contentDir);
    expect(removed.map((orphan) => orphan.file).sort()).toEqual([files.deadTop, files.dead, files.liveOld, files.deadEn].sort());
    expect(removed.find((orphan) => orphan.file === files.dead)!.reason).toBe(`process ${dead} is gone`);
    expect(removed.find((orphan) => orphan.file === files.liveOld)!.reason).toBe('older than an hour');
    for (const key of ['liveFresh', 'article', 'otherDot', 'wrongHex'] as const) expect(existsSync(path.join(contentDir, files[key])), key).toBe(true);
    expect(await removeOrphanTemporaries(path.join(contentDir, 'missing'))).toEqual([]);
  });

  test('npm run import removes them before importing and says so', { timeout: 30_000 }, async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-orphans-'));
    const contentDir = path.join(work, 'content');
    mkdirSync(path.join(contentDir, 'ar'), { recursive: true });
    const orphan = `.adhrbyjan-twqf-alhjwm-1.mdx.${deadPid()}.abcdef01.tmp`;
    writeFileSync(path.join(contentDir, 'ar', orphan), '---\ntitle: half');
    writeFileSync(path.join(work, 'a.txt'), article(1));
    const result = await runImport(contentDir, path.join(work, 'a.txt'), '--lang', 'ar');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(
      new RegExp(`Removed 1 temporary file\\(s\\) left by an interrupted import:\\n  .*ar/${orphan.replace(/\./g, '\\.')} \\(process \\d+ is gone\\)`),
    );
    expect(readdirSync(path.join(contentDir, 'ar'))).toEqual(['adhrbyjan-twqf-alhjwm-1.mdx']);
  });
});

describe('file names with escape sequences or control characters are printed escaped, never raw', () => {
  test('printable escapes C0, DEL, C1, bidi controls and separators; keeps Arabic, Hebrew, emoji', () => {
    expect(printable('\x1b[31mred\x1b[0m.txt')).toBe('\\x1b[31mred\\x1b[0m.txt');
    expect(printable('a\x07b\x7fc\u009bd\u202ee\u2028f\nx\ty')).toBe('a\\x07b\\x7fc\\x9bd\\u202ee\\u2028f\\x0ax\\x09y');
    expect(printable('قره باغ שלום 😀 café')).toBe('قره باغ שלום 😀 café');
  });

  test('ImportError messages are escaped whatever part holds the character', () => {
    expect(new ImportError('\x1b]0;pwned\x07.txt', 'has a tag "\u009b2J".', 'Fix it.', 3).message).toBe(
      '\\x1b]0;pwned\\x07.txt:3: has a tag "\\x9b2J". Fix it.',
    );
  });

  test('every message and the summary of npm run import show them escaped', { timeout: 30_000 }, async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-names-'));
    const folder = path.join(work, 'in');
    mkdirSync(folder);
    const names = ['\x1b[31mred.txt', 'bell\x07.txt', 'title\x1b]0;pwned\x07.txt', 'csi\u009b2J.txt', 'rlo\u202etxt.txt'];
    names.forEach((name, index) => {
      writeFileSync(path.join(folder, name), article(index));
    });
    writeFileSync(path.join(folder, 'empty\x1b[2J.txt'), '');
    const result = await runImport(path.join(work, 'content'), folder, '--lang', 'ar');
    expect(result.code).toBe(1);
    expect(result.output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    for (const shown of ['\\x1b[31mred.txt', 'bell\\x07.txt', 'title\\x1b]0;pwned\\x07.txt', 'csi\\x9b2J.txt', 'rlo\\u202etxt.txt'])
      expect(result.output).toContain(shown);
    expect(result.output).toMatch(/failed .*empty\\x1b\[2J\.txt: is empty/);
    // Failures go to stderr and the summary to stdout: their order in one stream is the scheduler's.
    expect(result.output).toContain('6 file(s): 5 imported, 0 updated, 0 unchanged, 0 skipped, 1 failed.');
    expect(result.output).not.toContain('\\x0a');
  });
});

describe('symlinks, FIFOs and other non-regular files are counted as skipped, with a reason', () => {
  async function folderWithOddEntries() {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-odd-'));
    const folder = path.join(work, 'in');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    writeFileSync(path.join(folder, 'good.txt'), article('good'));
    writeFileSync(path.join(work, 'outside.txt'), article('outside'));
    symlinkSync(path.join(work, 'outside.txt'), path.join(folder, 'link.txt'));
    symlinkSync(work, path.join(folder, 'sub', 'folder-link'));
    symlinkSync(path.join(work, 'missing.txt'), path.join(folder, 'dangling.txt'));
    execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(folder, 'sock.txt'), resolve));
    return { work, folder, server };
  }

  test('collectFiles returns them as skipped with why, and never opens them', async () => {
    const { folder, server } = await folderWithOddEntries();
    try {
      const { files, skipped } = await collectFiles([folder]);
      expect(files).toEqual([path.join(folder, 'good.txt')]);
      expect(skipped).toEqual([
        { file: path.join(folder, 'dangling.txt'), reason: expect.stringMatching(/^is a symbolic link; links inside a folder are not followed/) },
        { file: path.join(folder, 'link.txt'), reason: expect.stringMatching(/^is a symbolic link/) },
        { file: path.join(folder, 'pipe.txt'), reason: 'is a named pipe (FIFO), not a file' },
        { file: path.join(folder, 'sock.txt'), reason: 'is a socket, not a file' },
        { file: path.join(folder, 'sub', 'folder-link'), reason: expect.stringMatching(/^is a symbolic link/) },
      ]);
      // Named directly, a FIFO is skipped too; a symlink named directly is followed (the user chose it).
      expect((await collectFiles([path.join(folder, 'pipe.txt')])).skipped).toHaveLength(1);
      expect((await collectFiles([path.join(folder, 'link.txt')])).files).toEqual([path.join(folder, 'link.txt')]);
      await expect(importArticle(path.join(folder, 'pipe.txt'), { contentDir: path.join(folder, 'c'), lang: 'ar' })).rejects.toThrow(
        /pipe\.txt: is not a regular file/,
      );
    } finally {
      server.close();
    }
  });

  test('npm run import counts them in the summary and says why', { timeout: 30_000 }, async () => {
    const { work, folder, server } = await folderWithOddEntries();
    try {
      const result = await runImport(path.join(work, 'content'), folder, '--lang', 'ar');
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('6 file(s): 1 imported, 0 updated, 0 unchanged, 5 skipped, 0 failed.');
      expect(result.output).toMatch(/skipped .*in\/pipe\.txt: is a named pipe \(FIFO\), not a file/);
      expect(result.output).toMatch(/skipped .*in\/sock\.txt: is a socket, not a file/);
      expect(result.output).toMatch(/skipped .*in\/link\.txt: is a symbolic link/);
    } finally {
      server.close();
    }
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importArticle, importWordpressExport } from '../../../tools/import/import-article.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/rich/', import.meta.url));

function workspace() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-rich-'));
  cpSync(fixtures, path.join(dir, 'in'), { recursive: true });
  return { dir, input: path.join(dir, 'in'), contentDir: path.join(dir, 'content') };
}

describe('importing rich articles', () => {
  test('a Markdown article: byline, source, images copied beside it with their hash, file name only in the record', async () => {
    const { input, contentDir } = workspace();
    const result = await importArticle(path.join(input, 'harbour.md'), { contentDir, slug: 'beirut-harbour', sourceName: 'harbour.md' });
    expect(result).toMatchObject({ status: 'imported', target: 'ar/beirut-harbour.mdx' });
    expect(result.notes).toContain('subheadings detected (1): «ما الذي تغيّر؟»');
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('author: ليلى حداد\nsource: https://example.com/news/beirut-harbour\nimages:\n  - ./beirut-harbour/harbour-');
    expect(mdx).toContain('imported:\n  file: harbour.md');
    expect(mdx.match(/harbour\.md/g)).toHaveLength(1);
    // The lead is the first real paragraph, not the dateline.
    expect(mdx).toMatch(/^description: بدأت السفن/m);
    const [image] = readdirSync(path.join(contentDir, 'ar/beirut-harbour'));
    expect(image).toMatch(/^harbour-[0-9a-f]{10}\.jpg$/);
    expect(readFileSync(path.join(contentDir, 'ar/beirut-harbour', image!))).toEqual(readFileSync(path.join(input, 'media/harbour.jpg')));
    // Importing again is unchanged.
    expect((await importArticle(path.join(input, 'harbour.md'), { contentDir, slug: 'beirut-harbour', sourceName: 'harbour.md' })).status).toBe('unchanged');
  });

  test('a missing image fails the import, naming the article and the path; nothing is written', async () => {
    const { input, contentDir } = workspace();
    writeFileSync(path.join(input, 'missing.md'), '# T\n\nP.\n\n![x](media/nowhere.jpg)\n');
    await expect(importArticle(path.join(input, 'missing.md'), { contentDir, lang: 'en' })).rejects.toThrow(
      /missing\.md: names the image "media\/nowhere\.jpg", which is not there \(looked for .*media\/nowhere\.jpg\)/,
    );
    expect(existsSync(contentDir)).toBe(false);
  });

  test('remote and data: images are refused; a path leaving the media folder is refused', async () => {
    const { input, contentDir } = workspace();
    writeFileSync(path.join(input, 'remote.md'), '# T\n\nP.\n\n![x](https://cdn.example.com/a.jpg)\n');
    await expect(importArticle(path.join(input, 'remote.md'), { contentDir, lang: 'en' })).rejects.toThrow(
      /remote\.md: names the image "https:\/\/cdn\.example\.com\/a\.jpg", which is not a local file: nothing is fetched from the network/,
    );
    writeFileSync(path.join(input, 'data.md'), '# T\n\nP.\n\n![x](data:image/png;base64,AAAA)\n');
    await expect(importArticle(path.join(input, 'data.md'), { contentDir, lang: 'en' })).rejects.toThrow(/data\.md: names the image "data:image/);
    writeFileSync(path.join(input, 'escape.md'), '# T\n\nP.\n\n![x](../../etc/passwd.jpg)\n');
    await expect(importArticle(path.join(input, 'escape.md'), { contentDir, lang: 'en' })).rejects.toThrow(
      /escape\.md: names the image "\.\.\/\.\.\/etc\/passwd\.jpg", which is outside its media folder/,
    );
  });

  test('author and source are checked like every field, naming the field', async () => {
    const { input, contentDir } = workspace();
    const file = path.join(input, 'harbour.md');
    await expect(importArticle(file, { contentDir, author: 'أ'.repeat(121), strict: true })).rejects.toThrow(
      /harbour\.md: has a byline \(--author\) that is 121 characters long \(the limit is 120\)/,
    );
    await expect(importArticle(file, { contentDir, author: 'Jane\u001bDoe', strict: true })).rejects.toThrow(
      /harbour\.md: has the character U\+001B .* of --author/,
    );
    await expect(importArticle(file, { contentDir, author: '…' })).rejects.toThrow(/harbour\.md: has a byline \(--author\) that has no letter or digit/);
    await expect(importArticle(file, { contentDir, source: `https://e.com/${'a'.repeat(500)}` })).rejects.toThrow(
      /has a source \(--source\) that is 514 characters long \(the limit is 500\)/,
    );
  });

  test('a byline\'s own label («بقلم:», "By") is left out of the name, with a note: the page writes its own', async () => {
    const { input, contentDir } = workspace();
    for (const [given, stored] of [
      ['بقلم: هيا المطيري', 'هيا المطيري'],
      ['بقلم : هيا المطيري', 'هيا المطيري'],
      // As scraped newspapers write it: no space after the colon, the label stretched with tatweel.
      ['بقلم:هيا المطيري', 'هيا المطيري'],
      ['بــقلم :هيا المطيري', 'هيا المطيري'],
      ['كتبـت: هيا المطيري', 'هيا المطيري'],
      ['كتبي المطيري', 'كتبي المطيري'],
      ['By Jane Doe', 'Jane Doe'],
      ['Byron Smith', 'Byron Smith'],
    ]) {
      const result = await importArticle(path.join(input, 'harbour.md'), { contentDir, author: given, force: true });
      expect(readFileSync(path.join(contentDir, result.target), 'utf8')).toContain(`\nauthor: ${stored}\n`);
      if (given !== stored) expect(result.notes.join('\n')).toContain("was left out of the author's name");
    }
  });

  test('a byline too long to be a name is kept whole as the first paragraph, with a warning; the article has no author', async () => {
    const { input, contentDir } = workspace();
    const byline = `الرياض - واس ${'أعلنت وزارة الصحة اليوم عن افتتاح مراكز جديدة في المنطقة الشرقية '.repeat(3)}`.trim();
    const result = await importArticle(path.join(input, 'harbour.md'), { contentDir, author: byline });
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).not.toMatch(/^author:/m);
    expect(mdx.split('\n---\n')[1]!.trim().split('\n\n')[0]).toBe(byline);
    expect(result.warnings.join('\n')).toMatch(
      /the byline \(--author\) is \d+ characters long, more than a name \(the limit is 120\): it is kept whole as the article's first paragraph/,
    );
  });

  test('a hostile HTML page imports as text: the MDX holds no code and no dangerous link', async () => {
    const { input, contentDir } = workspace();
    const result = await importArticle(path.join(input, 'hostile.html'), { contentDir });
    expect(result.status).toBe('imported');
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).not.toMatch(/\]\((?:javascript|vbscript|data):|onclick|(?<!\\)<script|evil/i);
    expect(mdx).toContain('[a safe link](https://example.org/safe)');
    expect(mdx).toContain('author: Rami Nasser');
  });

  test('a WordPress export: each published post an article, its images from --media, each item with its result', async () => {
    const { input, contentDir } = workspace();
    const seen: string[] = [];
    const { items } = await importWordpressExport(
      path.join(input, 'wordpress/export.xml'),
      { contentDir, media: path.join(input, 'wordpress/uploads') },
      (done, total, item) => seen.push(`${done}/${total} ${item.id}`),
    );
    expect(seen).toEqual(['1/6 post 30', '2/6 post 40', '3/6 page 5', '4/6 post 50', '5/6 attachment 31', '6/6 attachment 32']);
    expect(items.map((item) => item.result?.target ?? item.skipped ?? item.failed)).toEqual([
      'ar/old-markets.mdx',
      'en/harbour-cranes-return.mdx',
      'a page (pass --include pages to import pages)',
      'a draft post (pass --include drafts to import it)',
      'an attachment (its file is imported with the post that shows it)',
      'an attachment (its file is imported with the post that shows it)',
    ]);
    const markets = readFileSync(path.join(contentDir, 'ar/old-markets.mdx'), 'utf8');
    expect(markets).toMatch(/images:\n {2}- \.\/old-markets\/port-cranes-[0-9a-f]{10}\.jpg\n {2}- \.\/old-markets\/market-[0-9a-f]{10}\.png/);
    expect(markets).toContain('file: news.example.com#post-30');
    expect(readdirSync(path.join(contentDir, 'ar/old-markets'))).toHaveLength(2);
    // Again: every post unchanged.
    const again = await importWordpressExport(path.join(input, 'wordpress/export.xml'), { contentDir, media: path.join(input, 'wordpress/uploads') });
    expect(again.items.filter((item) => item.result).map((item) => item.result!.status)).toEqual(['unchanged', 'unchanged']);
  });

  test('--slug and --translation-of are refused for an export of many posts', async () => {
    const { input, contentDir } = workspace();
    await expect(importWordpressExport(path.join(input, 'wordpress/export.xml'), { contentDir, slug: 'one' })).rejects.toThrow(
      /export\.xml: is a WordPress export of many posts; --slug and --translation-of name one article/,
    );
  });

  test('a WordPress post whose images are not in --media is imported without them, each named in a warning, their captions kept as text', async () => {
    const { input, contentDir } = workspace();
    const { items } = await importWordpressExport(path.join(input, 'wordpress/export.xml'), { contentDir, media: path.join(input, 'media') });
    const markets = items[0]!.result!;
    expect(markets.status).toBe('imported');
    expect(markets.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the image "2024\/05\/port-cranes\.jpg" was left out: it is not in .*media; its caption is kept as a paragraph/),
        expect.stringMatching(/^the image "2024\/05\/market\.png" was left out/),
      ]),
    );
    const mdx = readFileSync(path.join(contentDir, markets.target), 'utf8');
    expect(mdx).not.toMatch(/^images:/m);
    expect(mdx).toContain('\n\nرافعات الميناء في الصباح\n');
    expect(mdx).toContain('السوق المسقوف بعد الترميم');
    expect(items[1]!.result?.status).toBe('imported');
  });

  test('a skipped re-import names the option that differs; --force over a hand edit keeps the edited file', async () => {
    const { input, contentDir } = workspace();
    const file = path.join(input, 'harbour.md');
    await importArticle(file, { contentDir, slug: 'beirut-harbour', sourceName: 'harbour.md' });
    const skipped = await importArticle(file, { contentDir, slug: 'beirut-harbour', sourceName: 'harbour.md', date: '2024-06-01', author: 'Someone Else' });
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toBe(
      'ar/beirut-harbour.mdx was imported from this text, but this import would change date (--date or "date"): "2024-05-02" → "2024-06-01"; author (--author or "author"): "ليلى حداد" → "Someone Else"; pass --force to rewrite it',
    );
    const target = path.join(contentDir, 'ar/beirut-harbour.mdx');
    const edited = readFileSync(target, 'utf8').replace('\n\nبدأت السفن', '\n\nبدأت المراكب');
    writeFileSync(target, edited);
    const forced = await importArticle(file, { contentDir, slug: 'beirut-harbour', sourceName: 'harbour.md', force: true });
    expect(forced.status).toBe('updated');
    const note = forced.notes.find((line) => line.includes('edited by hand'))!;
    const backup = /kept as (\S+\.bak)$/.exec(note)![1]!;
    expect(readFileSync(path.join(contentDir, backup), 'utf8')).toBe(edited);
    expect(readFileSync(target, 'utf8')).not.toContain('بدأت المراكب');
  });
});

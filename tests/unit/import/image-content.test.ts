import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_IMAGES } from '../../../src/article/index.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { gifBomb, pngBomb } from '../../helpers/image-bombs.ts';

const photograph = fileURLToPath(new URL('../../fixtures/rich/media/harbour.jpg', import.meta.url));

function workspace() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-image-content-'));
  const media = path.join(dir, 'in');
  mkdirSync(media, { recursive: true });
  return { dir, media, contentDir: path.join(dir, 'content') };
}

/** A Markdown article showing `images` (paths relative to its folder), written into `media`. */
function article(media: string, images: string[], name = 'article.md'): string {
  const file = path.join(media, name);
  writeFileSync(file, `# A harbour\n\nThe harbour at dawn.\n\n${images.map((image) => `![A crane](${image})`).join('\n\n')}\n`);
  return file;
}

describe('a photograph is what its content is, not what its name says', () => {
  test('a decompression bomb (a small PNG of 20000×20000) is refused, naming the file and the limit', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'bomb.png'), pngBomb(20_000, 20_000));
    const file = article(media, ['bomb.png']);
    await expect(importArticle(file, { contentDir, lang: 'en' })).rejects.toThrow(
      `article.md: names the image "bomb.png", which is 20000×20000 pixels, over the limit of ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels a side.`,
    );
    expect(existsSync(contentDir)).toBe(false);
  });

  test('within the side limit but over the pixel count (8000×8000 = 64 megapixels) is refused too', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'wide.png'), pngBomb(8000, 8000));
    await expect(importArticle(article(media, ['wide.png']), { contentDir, lang: 'en' })).rejects.toThrow(
      `names the image "wide.png", which is 8000×8000 pixels (64.0 megapixels), over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels.`,
    );
  });

  test('a GIF bomb (a 40-byte GIF claiming 20000×20000) is refused', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'bomb.gif'), gifBomb(20_000, 20_000));
    await expect(importArticle(article(media, ['bomb.gif']), { contentDir, lang: 'en' })).rejects.toThrow(
      /names the image "bomb\.gif", which is 20000×20000 pixels, over the limit/,
    );
  });

  test('text named .jpg is refused as no image format', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'notes.jpg'), 'Meeting notes, not a photograph.\n');
    await expect(importArticle(article(media, ['notes.jpg']), { contentDir, lang: 'en' })).rejects.toThrow(
      'names the image "notes.jpg", whose content is no image format, not a JPEG, PNG, WebP, GIF or AVIF photograph (whatever its .jpg name says).',
    );
  });

  test('an SVG named .png is refused, scripted or not', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'scripted.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    writeFileSync(path.join(media, 'plain.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    for (const name of ['scripted.png', 'plain.png'])
      await expect(importArticle(article(media, [name]), { contentDir, lang: 'en' })).rejects.toThrow(
        `names the image "${name}", whose content is an SVG drawing (which can hold script), not a JPEG, PNG, WebP, GIF or AVIF photograph`,
      );
  });

  test('a .webp that is really an HTML page is refused', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(path.join(media, 'page.webp'), '<!doctype html><html><body><script>alert(1)</script></body></html>');
    await expect(importArticle(article(media, ['page.webp']), { contentDir, lang: 'en' })).rejects.toThrow(
      /names the image "page\.webp", whose content is no image format/,
    );
  });

  test('a PNG saved as .jpg is published as the PNG it is', async () => {
    const { media, contentDir } = workspace();
    writeFileSync(
      path.join(media, 'chart.jpg'),
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
        .png()
        .toBuffer(),
    );
    const result = await importArticle(article(media, ['chart.jpg']), { contentDir, lang: 'en' });
    expect(result.status).toBe('imported');
    expect(readdirSync(path.join(contentDir, 'en/a-harbour'))).toEqual([expect.stringMatching(/^chart-[0-9a-f]{10}\.png$/)]);
  });

  test(`more photographs than the schema allows (${MAX_IMAGES}) are refused before any is read`, async () => {
    const { media, contentDir } = workspace();
    // None of these files exists: the count is checked first.
    const images = Array.from({ length: MAX_IMAGES + 1 }, (_, index) => `photo-${index}.jpg`);
    await expect(importArticle(article(media, images), { contentDir, lang: 'en' })).rejects.toThrow(
      `article.md: shows ${MAX_IMAGES + 1} photographs; an article may show at most ${MAX_IMAGES}.`,
    );
  });

  test(`exactly ${MAX_IMAGES} photographs are imported`, async () => {
    const { media, contentDir } = workspace();
    const images = Array.from({ length: MAX_IMAGES }, (_, index) => `photo-${index}.jpg`);
    for (const image of images) copyFileSync(photograph, path.join(media, image));
    const result = await importArticle(article(media, images), { contentDir, lang: 'en' });
    expect(result.status).toBe('imported');
    expect(readdirSync(path.join(contentDir, 'en/a-harbour'))).toHaveLength(MAX_IMAGES);
  });
});

describe('links out of the media folder', () => {
  test('a linked folder inside the media folder that leads outside it is refused', async () => {
    const { dir, media, contentDir } = workspace();
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    copyFileSync(photograph, path.join(outside, 'private.jpg'));
    symlinkSync(outside, path.join(media, 'linkdir'));
    await expect(importArticle(article(media, ['linkdir/private.jpg']), { contentDir, lang: 'en' })).rejects.toThrow(
      `names the image "linkdir/private.jpg", which is a link to ${path.join(outside, 'private.jpg')}, outside its media folder ${media}.`,
    );
    expect(existsSync(contentDir)).toBe(false);
  });

  test('a linked single file that leads outside is refused; one that stays inside is followed', async () => {
    const { dir, media, contentDir } = workspace();
    copyFileSync(photograph, path.join(dir, 'secret.jpg'));
    symlinkSync(path.join(dir, 'secret.jpg'), path.join(media, 'innocent.jpg'));
    await expect(importArticle(article(media, ['innocent.jpg']), { contentDir, lang: 'en' })).rejects.toThrow(
      /names the image "innocent\.jpg", which is a link to .*secret\.jpg, outside its media folder/,
    );
    copyFileSync(photograph, path.join(media, 'real.jpg'));
    symlinkSync(path.join(media, 'real.jpg'), path.join(media, 'alias.jpg'));
    expect((await importArticle(article(media, ['alias.jpg'], 'inside.md'), { contentDir, lang: 'en' })).status).toBe('imported');
  });
});

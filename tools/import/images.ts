import { createHash } from 'node:crypto';
import { copyFile, lstat, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { slugFromText } from './slug.ts';
import { ImportError } from './errors.ts';
import { blockImages, mapImages, type Block } from './model.ts';
import { isRemoteOrInline } from '../../src/article/safe-url.ts';

/** Formats astro:assets reads and browsers show. */
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif']);
/** A photograph larger than this is a scan or a mistake, not an article image. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

export interface PlannedImage {
  /** Where the file is on the importing machine. */
  from: string;
  /** Its name in the article's media folder: `<name>-<10 hex of its sha256>.<ext>`, so a changed photo changes the article. */
  name: string;
}

export interface ArticleImages {
  count: number;
  files: PlannedImage[];
  /** The blocks with each image pointing at `./<slug>/<name>`. */
  blocksFor(slug: string): Block[];
  /** `./<slug>/<name>` of each image, in order of first appearance (the front matter's `images`). */
  pathsFor(slug: string): string[];
}

/**
 * Finds every image an article names, before anything is written: a local
 * file under `mediaDir` (the article file's folder, or --media). Remote URLs
 * and data: URLs are refused — nothing is fetched from the network, at import
 * or at build — and so is a path that leaves the media folder, a file that is
 * not there, not an image, or too large; the message names the article and
 * the path.
 */
export async function planArticleImages(blocks: readonly Block[], mediaDir: string, file: string): Promise<ArticleImages> {
  const byReference = new Map<string, PlannedImage>();
  const root = path.resolve(mediaDir);
  for (const image of blockImages(blocks)) {
    if (byReference.has(image.src)) continue;
    const reference = image.src.trim();
    if (isRemoteOrInline(reference)) {
      throw new ImportError(
        file,
        `names the image "${reference.slice(0, 200)}", which is not a local file: nothing is fetched from the network (and data: URLs are refused).`,
        'Download the image into a folder, give it as a relative path, and pass --media <folder> (for WordPress: a copy of wp-content/uploads); or remove it.',
      );
    }
    let relative: string;
    try {
      relative = decodeURIComponent(reference.replace(/[?#].*$/, '')).replace(/^\/+/, '');
    } catch {
      relative = reference;
    }
    const from = path.resolve(root, relative);
    if (from !== root && !from.startsWith(`${root}${path.sep}`)) {
      throw new ImportError(
        file,
        `names the image "${reference}", which is outside its media folder ${mediaDir}.`,
        'Put the image in that folder (or pass --media <folder> holding it) and name it by a path inside it.',
      );
    }
    const info = await lstat(from).catch(() => null);
    if (!info)
      throw new ImportError(
        file,
        `names the image "${reference}", which is not there (looked for ${from}).`,
        'Copy the image there, pass --media <folder> with the folder that holds it, or remove it from the article.',
      );
    if (!info.isFile()) throw new ImportError(file, `names the image "${reference}", and ${from} is not a regular file.`, 'Name an image file.');
    const extension = path.extname(from).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension))
      throw new ImportError(file, `names "${reference}", which is not a JPEG, PNG, WebP, GIF or AVIF image.`, 'Convert it, or remove it from the article.');
    if ((await stat(from)).size > MAX_IMAGE_BYTES)
      throw new ImportError(file, `names the image "${reference}", over ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`, 'Resize it before importing.');
    const hash = createHash('sha256')
      .update(await readFile(from))
      .digest('hex')
      .slice(0, 10);
    const stem =
      slugFromText(path.basename(from, path.extname(from)))
        .slice(0, 40)
        .replace(/-+$/, '') || 'image';
    byReference.set(image.src, { from, name: `${stem}-${hash}.${extension === 'jpeg' ? 'jpg' : extension}` });
  }
  const files = [...new Map([...byReference.values()].map((planned) => [planned.name, planned])).values()];
  return {
    count: files.length,
    files,
    blocksFor: (slug) => mapImages(blocks, (src) => `./${slug}/${byReference.get(src)!.name}`),
    pathsFor: (slug) => files.map((planned) => `./${slug}/${planned.name}`),
  };
}

/** Copies an article's images into `<contentDir>/<locale>/<slug>/` (a file already there with the same name has the same bytes: the name holds its hash). */
export async function copyArticleImages(images: ArticleImages, contentDir: string, locale: string, slug: string): Promise<void> {
  if (!images.count) return;
  const folder = path.join(contentDir, locale, slug);
  await mkdir(folder, { recursive: true });
  for (const planned of images.files) {
    const target = path.join(folder, planned.name);
    if (!(await lstat(target).catch(() => null))) await copyFile(planned.from, target);
  }
}

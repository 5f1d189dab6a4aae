import { createHash } from 'node:crypto';
import { copyFile, lstat, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { slugFromText } from './slug.ts';
import { ImportError } from './errors.ts';
import { blockImages, mapImages, type Block } from './model.ts';
import { isRemoteOrInline } from '../../src/article/safe-url.ts';
import { imageSizeProblem, MAX_IMAGES } from '../../src/article/index.ts';

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
 * the path. A link (or a linked folder) is followed only within the media
 * folder; each file's content must be the photograph its name says, which
 * the build can decode (see imageContent).
 */
export async function planArticleImages(blocks: readonly Block[], mediaDir: string, file: string): Promise<ArticleImages> {
  const byReference = new Map<string, PlannedImage>();
  const root = path.resolve(mediaDir);
  let realRoot: string | undefined;
  const references = new Set(blockImages(blocks).map((image) => image.src));
  // Counted before any file is read: 500 photographs in one article are refused at once, not after hashing them.
  if (references.size > MAX_IMAGES)
    throw new ImportError(
      file,
      `shows ${references.size} photographs; an article may show at most ${MAX_IMAGES}.`,
      'Split it into several articles, or leave out the photographs that say least.',
    );
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
    const info = await stat(from).catch(() => null);
    if (!info)
      throw new ImportError(
        file,
        `names the image "${reference}", which is not there (looked for ${from}).`,
        'Copy the image there, pass --media <folder> with the folder that holds it, or remove it from the article.',
      );
    // A symbolic link, or a linked folder on the way, may lead anywhere: only what really is under the media folder is published.
    realRoot ??= await realpath(root);
    const real = await realpath(from);
    if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`))
      throw new ImportError(
        file,
        `names the image "${reference}", which is a link to ${real}, outside its media folder ${mediaDir}.`,
        'Copy the image itself into the media folder instead of linking to it.',
      );
    if (!info.isFile()) throw new ImportError(file, `names the image "${reference}", and ${from} is not a regular file.`, 'Name an image file.');
    const extension = path.extname(from).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension))
      throw new ImportError(file, `names "${reference}", which is not a JPEG, PNG, WebP, GIF or AVIF image.`, 'Convert it, or remove it from the article.');
    if (info.size > MAX_IMAGE_BYTES)
      throw new ImportError(file, `names the image "${reference}", over ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`, 'Resize it before importing.');
    const bytes = await readFile(real);
    const format = await imageContent(bytes, reference, extension, file);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const stem =
      slugFromText(path.basename(from, path.extname(from)))
        .slice(0, 40)
        .replace(/-+$/, '') || 'image';
    // Named by what it is, not by what it was called: a PNG saved as .jpg is published as the PNG it is.
    byReference.set(image.src, { from: real, name: `${stem}-${hash}.${format}` });
  }
  const files = [...new Map([...byReference.values()].map((planned) => [planned.name, planned])).values()];
  return {
    count: files.length,
    files,
    blocksFor: (slug) => mapImages(blocks, (src) => `./${slug}/${byReference.get(src)!.name}`),
    pathsFor: (slug) => files.map((planned) => `./${slug}/${planned.name}`),
  };
}

/** sharp's name of each format a photograph may be in, and the extension it is published with. */
const EXTENSION_OF_FORMAT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' };

/**
 * What a photograph's bytes are, by their content (libvips through sharp,
 * the library astro:assets optimizes with), whatever its name says: text,
 * HTML or an SVG drawing (which may hold script) named .jpg or .png is
 * refused, and so is a decompression bomb (src/article's size limits, read
 * from the header before anything is decoded). Then it is decoded as the
 * build will decode it, so a photograph the importer accepts is one the
 * build can optimize. Returns the extension it is published with.
 */
export async function imageContent(bytes: Uint8Array, reference: string, extension: string, file: string): Promise<string> {
  const notAPhotograph = (what: string) =>
    new ImportError(
      file,
      `names the image "${reference}", whose content is ${what}, not a JPEG, PNG, WebP, GIF or AVIF photograph (whatever its .${extension} name says).`,
      'Export it again as a photograph, or remove it from the article.',
    );
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw notAPhotograph('no image format');
  }
  const format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
  const published = EXTENSION_OF_FORMAT[format];
  if (!published) throw notAPhotograph(format === 'svg' ? 'an SVG drawing (which can hold script)' : `a ${format.toUpperCase()} file`);
  const frames = metadata.pages ?? 1;
  const size = imageSizeProblem(metadata.width, metadata.pageHeight ?? metadata.height, frames);
  if (size) throw new ImportError(file, `names the image "${reference}", which ${size}.`, 'Resize it to a photograph’s size before importing.');
  try {
    // As astro:assets reads it (every frame, lenient with damage): what decodes here optimizes in the build.
    await sharp(bytes, { failOn: 'none', pages: -1 }).resize(16).webp().toBuffer();
  } catch (error) {
    throw new ImportError(
      file,
      `names the image "${reference}", a ${format.toUpperCase()} that cannot be decoded (${(error as Error).message}).`,
      'Open it in an image editor and save it again, or remove it from the article.',
    );
  }
  return published;
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

import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { isRemoteOrInline } from '../../src/article/safe-url.ts';
import type { Block } from './model.ts';

/** Why an image cannot be imported from where it is, or undefined when its file is there (or its path is refused later, by planArticleImages). */
async function missingBecause(src: string, mediaDir: string): Promise<string | undefined> {
  const reference = src.trim();
  if (isRemoteOrInline(reference)) return 'it is on another site (nothing is fetched from the network)';
  let relative: string;
  try {
    relative = decodeURIComponent(reference.replace(/[?#].*$/, '')).replace(/^\/+/, '');
  } catch {
    relative = reference;
  }
  const root = path.resolve(mediaDir);
  const from = path.resolve(root, relative);
  // A path that leaves the media folder is refused by the image planner, naming it: never quietly dropped.
  if (from !== root && !from.startsWith(`${root}${path.sep}`)) return undefined;
  return (await lstat(from).catch(() => null)) ? undefined : `it is not in ${mediaDir}`;
}

/**
 * A WordPress post's images that are not at hand — on another site, or not in
 * the copy of the uploads folder given as --media — left out of the post with
 * a warning each, instead of refusing the post: an export's uploads are
 * rarely complete, and the post's text is what the archive keeps. A left-out
 * image's caption is text its author wrote, so it stays, as a paragraph where
 * the image was.
 */
export async function withoutMissingImages(blocks: readonly Block[], mediaDir: string, warnings: string[]): Promise<Block[]> {
  const kept: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'blockquote') {
      kept.push({ ...block, children: await withoutMissingImages(block.children, mediaDir, warnings) });
      continue;
    }
    if (block.type !== 'image') {
      kept.push(block);
      continue;
    }
    const because = await missingBecause(block.src, mediaDir);
    if (!because) {
      kept.push(block);
      continue;
    }
    const caption = block.caption.trim();
    warnings.push(
      `the image "${block.src.slice(0, 200)}" was left out: ${because}${caption ? '; its caption is kept as a paragraph' : ''}. To keep it, copy it into the folder given as --media (for WordPress, a copy of wp-content/uploads) and import again with --force`,
    );
    if (caption) kept.push({ type: 'paragraph', children: [{ type: 'text', value: caption }], ...(block.line ? { line: block.line } : {}) });
  }
  return kept;
}

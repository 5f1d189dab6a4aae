import { nameKey } from '../../../src/article/index.ts';
import type { Block } from '../model.ts';
import type { FrontBlock } from '../parse.ts';

/** The formats the importer reads. */
export const FORMATS = ['text', 'markdown', 'html', 'wordpress'] as const;
export type Format = (typeof FORMATS)[number];

/** The format of a file by its extension; text for anything else. */
export function formatOfFile(file: string): Format {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'xml' || extension === 'wxr') return 'wordpress';
  return 'text';
}

/** What every reader produces for one article: its fields and its document tree. */
export interface ReadArticle {
  /** For messages: the file, or `export.xml (post 12)` for an item of an export. */
  file: string;
  front: FrontBlock;
  /** 1-based lines of the fields, for messages. */
  frontLines: Partial<Record<keyof FrontBlock, number>>;
  title: string;
  titleLine: number;
  blocks: Block[];
  warnings: string[];
  notes: string[];
  /** An export item's own identity (`post 12`), recorded instead of the file name so each item is its own article. */
  itemName?: string;
}

/**
 * True when a heading only repeats the article's title, as the contract
 * compares names (nameKey): spacing, tatweel, vowel marks and punctuation at
 * the ends aside. Most Markdown and many posts open with the title as a
 * heading; the page writes the title once, so that heading is the title, not
 * a subheading of the body.
 */
export function repeatsTitle(heading: string, title: string): boolean {
  const key = nameKey(heading);
  return key !== '' && key === nameKey(title);
}

/** The note a reader adds when it leaves out a heading that repeats the title. */
export const REPEATED_TITLE_NOTE = 'the first heading repeats the title; it is the title, so it is not written again as a subheading';

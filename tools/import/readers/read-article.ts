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

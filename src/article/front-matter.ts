import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface SplitArticle {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** Everything after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts, to turn body lines into file lines. */
  bodyLine: number;
}

/** Splits an article file into its front matter and its body; null when it has no front matter. */
export function splitArticleFile(text: string): SplitArticle | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const bodyLine = match[0].split('\n').length;
  return { yaml: match[1]!, body: text.slice(match[0].length), bodyLine };
}

export class FrontMatterError extends Error {
  /** 1-based line within the front matter. */
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/**
 * Reads front matter as YAML 1.2 core: dates stay the strings they are
 * written as («2023-02-30» is refused, not turned into 2 March; «0050-06-01»
 * stays year 50), and no custom tags can build objects.
 */
export function parseFrontMatter(yaml: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(yaml, { schema: 'core', uniqueKeys: true, maxAliasCount: 0 });
  } catch (error) {
    if (error instanceof YAMLParseError) throw new FrontMatterError((error.linePos?.[0]?.line ?? 0) + 1, error.message.split('\n')[0]!);
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new FrontMatterError(2, 'front matter is not a set of `field: value` lines');
  return data as Record<string, unknown>;
}

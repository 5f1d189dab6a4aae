import { findCodeInBody } from './body.ts';
import { FrontMatterError, parseFrontMatter, splitArticleFile } from './front-matter.ts';
import { checkFrontMatter } from './schema.ts';

/**
 * What the build would refuse in one article file, as the content loader
 * reads it (src/loaders/articles.ts): front matter between `---` lines, read
 * as YAML 1.2 core, through the collection's schema; a body that is data, not
 * code.
 */
export function articleFileProblems(text: string): string[] {
  const split = splitArticleFile(text);
  if (!split) return ['an article starts with front matter between two `---` lines'];
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(split.yaml);
  } catch (error) {
    if (error instanceof FrontMatterError) return [`front matter line ${error.line}: ${error.message}`];
    throw error;
  }
  return articleProblems(data, split.body);
}

/**
 * What the build would refuse in an article's front matter and body, as
 * articleFileProblems reads them from its file: the importer asks this of
 * every article before writing it (the YAML it writes reads back as the same
 * data, which the contract test proves on a thousand articles).
 */
export function articleProblems(front: Record<string, unknown>, body: string): string[] {
  const problems = checkFrontMatter(front);
  const code = findCodeInBody(body);
  if (code) problems.push(`body line ${code.line}: ${code.what}`);
  return problems;
}

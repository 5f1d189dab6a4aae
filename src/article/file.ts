import { findCodeInBody } from './body.ts';
import { FrontMatterError, parseFrontMatter, splitArticleFile } from './front-matter.ts';
import { checkFrontMatter } from './schema.ts';

/**
 * What the build would refuse in one article file, as the content loader
 * reads it (src/loaders/articles.ts): front matter between `---` lines, read
 * as YAML 1.2 core, through the collection's schema; a body that is data, not
 * code. The importer asks this of every file before writing it.
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
  const problems = checkFrontMatter(data);
  const code = findCodeInBody(split.body);
  if (code) problems.push(`body line ${code.line}: ${code.what}`);
  return problems;
}

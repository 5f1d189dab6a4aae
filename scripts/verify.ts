/**
 * npm run verify -- [--content dir] [--dist dir] [--sources dir]
 *
 * Proves that every imported article's built page shows exactly its source
 * text — no sentence lost, added or altered — by recomputing the fingerprint
 * the importer recorded from the page's title and body. Reports the first
 * differing line of each failure and exits non-zero if any.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { decodeArticleBytes } from '../src/lib/import/decode.ts';
import { normalizedLines } from '../src/lib/import/fidelity.ts';
import { normalizeArticleText } from '../src/lib/import/normalize.ts';
import { parseArticleText } from '../src/lib/import/parse.ts';
import { splitMdxFile } from '../src/lib/import/to-mdx.ts';
import { linesFromMdx, verifyArticle, type VerifyOutcome } from '../src/lib/verify/verify-article.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: process.env.ARSHIF_CONTENT_DIR ?? 'content' },
    dist: { type: 'string', default: 'dist' },
    sources: { type: 'string' },
  },
});
const contentDir = path.resolve(values.content);
const distDir = path.resolve(values.dist);

/** The original file's lines, when --sources holds it. */
function sourceLines(file: string): string[] | null {
  if (!values.sources) return null;
  const candidate = path.join(values.sources, file);
  if (!existsSync(candidate)) return null;
  const decoded = decodeArticleBytes(new Uint8Array(readFileSync(candidate)), candidate);
  const article = parseArticleText(normalizeArticleText(decoded.text).text, candidate);
  return normalizedLines(article.title, article.blocks);
}

const outcomes: VerifyOutcome[] = [];
let notImported = 0;
for (const locale of readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  for (const name of readdirSync(path.join(contentDir, locale.name)).filter((file) => file.endsWith('.mdx')).sort()) {
    const article = `${locale.name}/${name}`;
    const parts = splitMdxFile(readFileSync(path.join(contentDir, article), 'utf8'));
    const data = parts ? ((parseYaml(parts.frontMatter) ?? {}) as { title?: string; imported?: { sourceHash?: string; file?: string } }) : {};
    if (!parts || !data.imported?.sourceHash) {
      notImported++;
      continue;
    }
    const page = path.join(distDir, locale.name, 'articles', name.replace(/\.mdx$/, ''), 'index.html');
    outcomes.push(
      verifyArticle({
        article: `${path.relative(process.cwd(), contentDir) || '.'}/${article}`,
        sourceHash: data.imported.sourceHash,
        html: existsSync(page) ? readFileSync(page, 'utf8') : null,
        expectedLines: sourceLines(data.imported.file ?? '') ?? linesFromMdx(String(data.title ?? ''), parts.body),
      }),
    );
  }
}

const failed = outcomes.filter((outcome) => !outcome.ok);
for (const outcome of failed) console.error(`FAIL ${outcome.article}: ${outcome.problem}`);
console.log(
  `verify: ${outcomes.length} imported article(s) checked against ${path.relative(process.cwd(), distDir) || '.'}/ — ${outcomes.length - failed.length} ok, ${failed.length} failed${notImported ? ` (${notImported} not imported, not checked)` : ''}.`,
);
if (failed.length) process.exitCode = 1;

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMarkdown } from '../import/readers/markdown.ts';
import { importRead } from './pipeline.ts';
import type { SuiteReport } from './report.ts';
import { STRUCTURE, seenOf } from './seen.ts';

export interface CommonMarkExample {
  example: number;
  section: string;
  markdown: string;
  html: string;
}

const SPEC = fileURLToPath(new URL('../../tests/conformance/commonmark/spec.json', import.meta.url));

export function commonMarkExamples(): CommonMarkExample[] {
  return JSON.parse(readFileSync(SPEC, 'utf8')) as CommonMarkExample[];
}

/** Markdown that holds raw HTML (a tag, a comment, a processing instruction, a declaration, CDATA). */
const RAW_HTML = /<(?:[a-zA-Z][a-zA-Z0-9-]*[\s/>]|\/[a-zA-Z]|!--|\?|![A-Z]|!\[CDATA\[)/;

/**
 * The reductions the archive's model makes on purpose (docs/importing.md,
 * "Conformance"), each a kind an example may pass through:
 * - raw-html: raw HTML is shown as the text it is, never run;
 * - code-as-text: a code block is paragraphs of its text;
 * - nested-lists: a list inside a list item becomes items of the list around it;
 * - block-in-item: a quotation, code block or table inside a list item follows the item, and the list goes on after it;
 * - empty-blocks: an empty quotation or list item (nothing a reader sees in it) is not written;
 * - empty: an example with no text at all (photographs alone, or nothing) is refused as an article with nothing under its title.
 */
export type Reduction = 'raw-html' | 'code-as-text' | 'nested-lists' | 'block-in-item' | 'empty-blocks' | 'empty';

/** An empty list item or quotation of the reference (or one holding only an empty code block or a rule). */
const EMPTY_BLOCK = /<(li|blockquote)>\s*(?:<hr \/>\s*|<pre><code><\/code><\/pre>\s*)?<\/\1>/;

/** A quotation, code block, table or HTML block inside a list item of the reference. */
const BLOCK_IN_ITEM = /<li>(?:(?!<\/li>)[\s\S])*?<(?:blockquote|pre|table|hr)/;

/** One example through the Markdown reader and the rest of the importer, compared with the spec's rendering. */
export function checkExample(example: CommonMarkExample): { passed: true; reductions: Reduction[] } | { passed: false; reason: string } {
  const reference = seenOf(example.html);
  const source = `---\ntitle: Example ${example.example}\n---\n\n${example.markdown}`;
  const imported = importRead(() => readMarkdown(source, `example-${example.example}.md`));
  if (!imported.ok) {
    if (!reference.text && /no text under it/.test(imported.reason)) return { passed: true, reductions: ['empty'] };
    return { passed: false, reason: imported.reason };
  }
  const ours = seenOf(imported.html);
  const reductions: Reduction[] = [];
  if (ours.text !== reference.text) {
    if (RAW_HTML.test(example.markdown)) reductions.push('raw-html');
    else return { passed: false, reason: `text: «${ours.text}» instead of «${reference.text}»` };
  }
  for (const name of STRUCTURE) {
    if (ours.counts[name] === reference.counts[name]) continue;
    if (name === 'pre' && ours.counts.pre === 0) reductions.push('code-as-text');
    else if ((name === 'ul' || name === 'ol' || name === 'li') && BLOCK_IN_ITEM.test(example.html)) reductions.push('block-in-item');
    else if ((name === 'ul' || name === 'ol' || name === 'li') && reference.nestedList) reductions.push('nested-lists');
    else if ((name === 'li' || name === 'blockquote' || name === 'ul') && ours.counts[name] < reference.counts[name] && EMPTY_BLOCK.test(example.html))
      reductions.push('empty-blocks');
    else if (RAW_HTML.test(example.markdown)) reductions.push('raw-html');
    else return { passed: false, reason: `${ours.counts[name]} <${name}> instead of ${reference.counts[name]}` };
  }
  return { passed: true, reductions: [...new Set(reductions)] };
}

/** The CommonMark spec's examples (0.31.2) through the Markdown reader. */
export async function runCommonMarkSuite(examples = commonMarkExamples()): Promise<SuiteReport> {
  const figures: Record<string, number> = { identical: 0 };
  const failures: SuiteReport['failures'] = [];
  let passed = 0;
  let reductions = 0;
  for (const example of examples) {
    const result = checkExample(example);
    if (!result.passed) {
      failures.push({ id: `example ${example.example} (${example.section})`, reason: result.reason });
      continue;
    }
    passed++;
    if (result.reductions.length) reductions++;
    else figures.identical!++;
    for (const kind of result.reductions) figures[`reduction: ${kind}`] = (figures[`reduction: ${kind}`] ?? 0) + 1;
  }
  figures.failed = failures.length;
  return { name: 'CommonMark 0.31.2', total: examples.length, passed, reductions, failures, figures };
}

/** A report as a table, for the terminal. */
export function printReport(report: SuiteReport): void {
  console.log(`${report.name}: ${report.passed} of ${report.total} pass (${report.reductions} through a stated reduction), ${report.failures.length} fail`);
  console.table(report.figures);
  for (const failure of report.failures) console.log(`  ${failure.id}: ${failure.reason}`);
}

if (import.meta.main) printReport(await runCommonMarkSuite());

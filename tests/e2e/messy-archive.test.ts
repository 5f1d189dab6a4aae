import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root } from 'hast';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, run, runImport, serveStatic, type StaticSite } from '../helpers/site.ts';
import { isLocaleCode } from '../../src/i18n/locales.ts';
import { ar } from '../../src/i18n/strings/ar.ts';
import { SPA_RIYADH, bylineKey, generateMessyCorpus, type MessyArticle } from '../../tools/bench/messy-corpus.ts';

/**
 * A messy newspaper archive end to end: 150 articles from the messy corpus
 * (bylines spelled many ways, control characters, tabs, poems, Persian-keyboard
 * Arabic, republished copies, empty pages) go through `npm run import` and a
 * real build. What should happen is read from the generator's record of what
 * each article holds: only the empty pages are refused, copies are reported
 * as copies, one agency is one author page, verses are verse, and every page
 * is proven by `npm run verify`.
 */
const ARTICLES = 150;
const work = path.join(projectRoot, 'tests/.tmp/messy');
const raw = path.join(work, 'raw');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');

type Status = 'imported' | 'updated' | 'unchanged' | 'skipped' | 'failed';
interface Outcome {
  status: Status;
  /** <locale>/<slug>.mdx */
  target?: string;
  reason?: string;
}

/** What the import should do with an article, from what it holds. */
type Expected = 'imported' | 'republished' | 'refused';
function expectedOutcome(article: MessyArticle): Expected {
  if (article.kind === 'empty') return 'refused';
  if (article.kind === 'exact-duplicate' || (article.kind === 'near-duplicate' && article.nearDuplicate === 'date')) return 'republished';
  return 'imported';
}

/** The import's line for each file (without a terminal it prints one a file), by file name. */
function readOutcomes(output: string): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const line of output.split('\n')) {
    const done = /^(imported|updated|unchanged|skipped) +(\S+) → (\S+)(?: \((.*)\))?$/.exec(line);
    if (done) {
      const target = done[3]!.split('/').slice(-2).join('/');
      outcomes.set(path.basename(done[2]!), { status: done[1] as Status, target, reason: done[4] });
      continue;
    }
    const failed = /^failed +(\S+?\.txt)(?::\d+)?: (.*)$/.exec(line);
    if (failed) outcomes.set(path.basename(failed[1]!), { status: 'failed', reason: failed[2] });
  }
  return outcomes;
}

/** Titles and bylines as the archive stores them: NFC, runs of white space as one space, trimmed. */
const stored = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
/** For comparing titles whatever the importer does with Persian-keyboard letters. */
const comparable = (text: string) =>
  stored(text)
    .replace(/[\p{Cc}]/gu, '')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك');

const parse = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));
const articlePage = (target: string) => path.join(outDir, path.dirname(target), 'articles', path.basename(target, '.mdx'), 'index.html');

/** Lines of a verse paragraph: its text, split at each <br>. */
function verseLines(paragraph: Element): { lines: string[]; breaks: number } {
  const lines = [''];
  let breaks = 0;
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element' && node.tagName === 'br') {
        breaks++;
        lines.push('');
      } else if (node.type === 'element') walk(node.children);
      else if (node.type === 'text') lines[lines.length - 1] += node.value;
    }
  };
  walk(paragraph.children);
  return { lines: lines.map(stored).filter(Boolean), breaks };
}

function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  return files;
}

const authorHeading = ar['authors.authorTitle'];
/** The author an author page is of, read from its heading («مقالات {author}»). */
function authorOfHeading(heading: string): string | undefined {
  const [before, after] = authorHeading.split('{author}') as [string, string];
  return heading.startsWith(before) && heading.endsWith(after) ? heading.slice(before.length, heading.length - after.length) : undefined;
}

/** Every author page (its first page), with the author its heading names. */
function authorPages(): { dir: string; author: string }[] {
  const authorsDir = path.join(outDir, 'ar/authors');
  if (!existsSync(authorsDir)) return [];
  return readdirSync(authorsDir)
    .map((name) => path.join(authorsDir, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(path.join(dir, 'index.html')))
    .map((dir) => ({ dir, author: authorOfHeading(stored(toText(select('h1', parse(path.join(dir, 'index.html')))!))) ?? '' }));
}

/** The titles an author page lists, over all its pages (…/page/2/ on). */
function listedTitles(dir: string): string[] {
  const titles: string[] = [];
  for (let page = 1; ; page++) {
    const file = page === 1 ? path.join(dir, 'index.html') : path.join(dir, 'page', String(page), 'index.html');
    if (!existsSync(file)) break;
    for (const link of selectAll('.article-card-title a', parse(file))) titles.push(comparable(toText(link)));
  }
  return titles;
}

const corpus = [...generateMessyCorpus({ articles: ARTICLES })];
const byPath = new Map(corpus.map((article) => [article.path, article]));
const spa = corpus.filter((article) => article.authorId === SPA_RIYADH);
const poems = corpus.filter((article) => article.kind === 'poem' || article.kind === 'poem-only');

let importCode: number;
let importOutput: string;
let outcomes: Map<string, Outcome>;
let buildError: Error | undefined;
let site: StaticSite | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  for (const article of corpus) writeFileSync(path.join(raw, article.path), article.text);
  ({ code: importCode, output: importOutput } = await runImport(contentDir, raw));
  outcomes = readOutcomes(importOutput);
  try {
    await buildSite({ contentDir, outDir });
    site = await serveStatic(outDir);
  } catch (error) {
    // The import's tests stand on their own; the build's report this.
    buildError = error as Error;
  }
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const outcomeOf = (article: MessyArticle): Outcome =>
  outcomes.get(article.path) ?? { status: 'failed', reason: '(no line for this file in the import output)' };
/** Fails with the build's own account: from its list of the archive's problems when it has one. */
const expectBuilt = () => {
  const message = buildError?.message;
  const problems = message?.search(/The archive has \d+ problem/) ?? -1;
  expect(message && (problems >= 0 ? message.slice(problems, problems + 3000) : message.slice(-3000)), 'the build failed').toBeUndefined();
};

describe('a messy newspaper archive, imported', () => {
  test('the corpus holds every mess the tests below rely on', () => {
    expect(readdirSync(raw)).toHaveLength(ARTICLES);
    for (const kind of [
      'empty',
      'boilerplate',
      'poem',
      'poem-only',
      'persian-keyboard',
      'exact-duplicate',
      'near-duplicate',
      'control-characters',
      'tab-in-title',
      'tab-in-byline',
      'long-byline',
    ] as const) {
      expect(
        corpus.some((article) => article.kind === kind),
        kind,
      ).toBe(true);
    }
    expect(new Set(spa.map((article) => article.author)).size).toBeGreaterThanOrEqual(5);
    expect(corpus.some((article) => Object.keys(article.controlCharacters ?? {}).includes('\u001A'))).toBe(true);
  });

  test('every ordinary article is imported into ar/', () => {
    const wrong = corpus
      .filter((article) => article.kind === 'ordinary')
      .map((article) => ({ file: article.path, ...outcomeOf(article) }))
      .filter((outcome) => outcome.status !== 'imported' || !outcome.target?.startsWith('ar/'));
    expect(wrong).toEqual([]);
  });

  test('every empty page (a title and nothing, or blank lines) is refused as having no text', () => {
    for (const article of corpus.filter((candidate) => candidate.kind === 'empty')) {
      const outcome = outcomeOf(article);
      expect(outcome.status, article.path).toBe('failed');
      expect(outcome.reason).toMatch(/no paragraph|no text/);
    }
  });

  test('only the empty pages are refused: control characters, tabs, poems, Persian keyboards, long bylines and boilerplate all import', () => {
    const refused = corpus
      .filter((article) => expectedOutcome(article) !== 'refused' && outcomeOf(article).status === 'failed')
      .map(
        (article) =>
          `${article.path} (${article.kind}): ${outcomeOf(article)
            .reason?.replace(/^.*?\.txt(?::\d+)?: /, '')
            .slice(0, 160)}`,
      );
    expect(refused).toEqual([]);
  });

  test('a republished copy (the same text again, or under another date) is reported skipped, naming the earlier article; a changed copy is imported', () => {
    for (const copy of corpus.filter((article) => article.duplicateOf)) {
      const original = byPath.get(copy.duplicateOf!)!;
      const earlier = outcomeOf(original);
      expect(earlier.status, original.path).toBe('imported');
      const outcome = outcomeOf(copy);
      if (expectedOutcome(copy) === 'republished') {
        expect(['skipped', 'unchanged'], `${copy.path}: ${outcome.reason}`).toContain(outcome.status);
        expect(outcome.target).toBe(earlier.target);
        expect(outcome.reason).toContain(earlier.target);
      } else {
        expect(outcome.status, `${copy.path} (${copy.nearDuplicate})`).toBe('imported');
        expect(outcome.target).not.toBe(earlier.target);
      }
    }
  });

  test('the exit code and the summary say exactly that: the empty pages failed, the copies were skipped, the rest imported', () => {
    const count = (expected: Expected) => corpus.filter((article) => expectedOutcome(article) === expected).length;
    const summary = /^\d+ file\(s\): .*$/m.exec(importOutput)?.[0];
    expect(summary).toBe(
      `${ARTICLES} file(s): ${count('imported')} imported, 0 updated, 0 unchanged, ${count('republished')} skipped, ${count('refused')} failed.`,
    );
    // Any failure makes the exit code 1 (and there are empty pages).
    expect(importCode).toBe(1);
  });

  test('the summary says which spellings of an author it joined', () => {
    const summary = importOutput.slice(importOutput.search(/\d+ file\(s\): /));
    // As stored: white space collapsed (a tab or a doubled space is no part of a name).
    const spellings = [
      ...new Set(
        spa.filter((article) => expectedOutcome(article) === 'imported').map((article) => article.author!.normalize('NFC').replace(/\s+/gu, ' ').trim()),
      ),
    ];
    expect(spellings.length).toBeGreaterThan(1);
    const unnamed = spellings.filter((spelling) => !summary.includes(spelling));
    expect(unnamed).toEqual([]);
  });
});

describe('a messy newspaper archive, built', () => {
  test('builds: no "The archive has N problem(s)"', () => {
    expect(buildError?.message ?? '').not.toMatch(/The archive has \d+ problem/);
    expectBuilt();
  });

  test('«واس - الرياض», «واس- الرياض», «واس-الرياض»… are one author with one page, under the spelling most articles use, listing all their articles', () => {
    expectBuilt();
    const pages = authorPages();
    const withSpa = pages.filter(({ author }) => author.includes('واس'));
    const joined = withSpa.filter(({ author }) => bylineKey(author) === bylineKey(SPA_RIYADH));
    expect(
      joined.map(({ author }) => author),
      `author pages naming واس: ${withSpa.map(({ author }) => `«${author}»`).join(', ')}`,
    ).toHaveLength(1);
    // Each other agency desk is one page too.
    const keys = withSpa.map(({ author }) => bylineKey(author));
    expect(keys.length).toBe(new Set(keys).size);

    const shown = spa.filter((article) => expectedOutcome(article) === 'imported');
    const spellings = new Map<string, number>();
    for (const article of shown) spellings.set(stored(article.author!), (spellings.get(stored(article.author!)) ?? 0) + 1);
    const usual = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
    expect(joined[0]!.author).toBe(usual);
    expect(listedTitles(joined[0]!.dir).sort()).toEqual(shown.map((article) => comparable(article.title)).sort());
  });

  test('a poem\'s page shows its verses as one <p class="verse">, a <br> between lines', () => {
    expectBuilt();
    for (const poem of poems) {
      const outcome = outcomeOf(poem);
      expect(outcome.status, `${poem.path} (${poem.kind}): ${outcome.reason}`).toBe('imported');
      const page = parse(articlePage(outcome.target!));
      const verses = selectAll('p.verse', page);
      expect(verses, poem.path).toHaveLength(1);
      const { lines, breaks } = verseLines(verses[0]!);
      expect(lines).toEqual(poem.verses!.map(stored));
      expect(breaks).toBe(poem.verses!.length - 1);
      // No verse became a subheading.
      expect(
        selectAll('main h2', page)
          .map((heading) => stored(toText(heading)))
          .filter((text) => poem.verses!.map(stored).includes(text)),
      ).toEqual([]);
    }
  });

  test('an article typed on a Persian keyboard («فی», «کان») stays Arabic: under dist/ar/, not dist/fa/', () => {
    expectBuilt();
    for (const article of corpus.filter((candidate) => candidate.kind === 'persian-keyboard')) {
      const outcome = outcomeOf(article);
      expect(outcome.status, `${article.path}: ${outcome.reason}`).toBe('imported');
      expect(outcome.target!.startsWith('ar/')).toBe(true);
      expect(existsSync(articlePage(outcome.target!))).toBe(true);
      // Only when the Persian pack is on can an article land there.
      if (isLocaleCode('fa')) expect(existsSync(articlePage(outcome.target!.replace(/^ar\//, 'fa/')))).toBe(false);
    }
  });

  test('no page holds U+001A (SUB), though articles with it were imported', () => {
    expectBuilt();
    const withSub = corpus.filter((article) => article.controlCharacters?.['\u001A']);
    const built = withSub.filter((article) => outcomeOf(article).status === 'imported' && existsSync(articlePage(outcomeOf(article).target!)));
    expect(built.map((article) => article.path)).toEqual(withSub.map((article) => article.path));
    const holding = filesUnder(outDir)
      .filter((file) => /\.(?:html|xml|json|txt|webmanifest)$/.test(file))
      .filter((file) => readFileSync(file, 'utf8').includes('\u001A'))
      .map((file) => path.relative(outDir, file));
    expect(holding).toEqual([]);
  });

  test("npm run verify proves every imported article's page against its source", async () => {
    expectBuilt();
    const verify = await run(process.execPath, ['tools/verify/cli.ts', '--content', contentDir, '--dist', outDir, '--sources', raw], {
      cwd: projectRoot,
      env: { ...process.env, ARSHIF_CONTENT_DIR: contentDir },
    });
    const imported = corpus.filter((article) => expectedOutcome(article) === 'imported').length;
    expect(verify.output).toContain(`${imported} imported article(s) checked`);
    expect(verify.output).toContain(`${imported} ok, 0 failed`);
    expect(verify.code, verify.output.slice(-3000)).toBe(0);
  });

  test('a poem and the joined author page render in Chromium, without horizontal scrolling at 360 px', async () => {
    expectBuilt();
    const poem = poems.find((article) => outcomeOf(article).status === 'imported');
    const joined = authorPages().find(({ author }) => bylineKey(author) === bylineKey(SPA_RIYADH));
    expect(poem, 'an imported poem').toBeDefined();
    expect(joined, 'the joined author page').toBeDefined();
    browser ??= await launchBrowser();
    const target = outcomeOf(poem!).target!;
    const pages = [`ar/articles/${path.basename(target, '.mdx')}/`, `${path.relative(outDir, joined!.dir).split(path.sep).map(encodeURIComponent).join('/')}/`];
    for (const address of pages) {
      const page = await openPage(browser, site!.url, address, { viewport: { width: 360, height: 800 } });
      await page.evaluate(() => document.fonts.ready);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        verseLines: (() => {
          const verse = document.querySelector<HTMLElement>('p.verse');
          return verse ? verse.innerText.split('\n').filter((line) => line.trim()).length : 0;
        })(),
        cards: document.querySelectorAll('.article-card').length,
      }));
      expect(layout.scrollWidth, `${address} scrolls sideways at 360 px`).toBeLessThanOrEqual(layout.clientWidth);
      if (address.startsWith('ar/articles/')) expect(layout.verseLines).toBe(poem!.verses!.length);
      else expect(layout.cards).toBeGreaterThan(0);
      await closePage(page);
    }
  });
});

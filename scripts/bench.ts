/**
 * npm run bench -- [--articles N] [--check] [--no-lighthouse] [--keep]
 * node scripts/bench.ts --articles N --write-corpus DIR
 *
 * Builds a deterministic synthetic archive of N articles (default 1000) in a
 * temporary folder — through the importer, then astro build with Pagefind —
 * and measures build time and memory, output sizes, what an article page and a
 * first search cost a reader, and Lighthouse scores. Writes bench/results/latest.json;
 * with --check, exits non-zero when a budget in bench/budgets.json is exceeded.
 * Never touches the repository's content/.
 *
 * The corpus (src/lib/bench/corpus.ts) draws real Arabic and English word
 * forms by Zipf's law; with --write-corpus DIR, the script only writes it under
 * DIR/<lang>/, prints a summary line and exits, without importing or building.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudgets, type Budget } from '../src/lib/bench/budgets.ts';
import { createCorpusStats, generateCorpus, summarizeCorpus, type CorpusSummary } from '../src/lib/bench/corpus.ts';
import { findChromium, launchBrowser } from '../tests/helpers/browser.ts';
import { projectRoot, serveStatic } from '../tests/helpers/site.ts';
import { measureFirstSearch, measurePageWeight } from './bench/browser-metrics.ts';
import { runLighthouse, type LighthouseScores } from './bench/lighthouse.ts';
import { runMeasured } from './bench/process-tree.ts';
import { folderBytes } from './bench/sizes.ts';

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    check: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'write-corpus': { type: 'string' },
    seed: { type: 'string', default: '2023' },
  },
});
const articleCount = Number(options.articles);
if (!Number.isInteger(articleCount) || articleCount < 10) {
  console.error(`--articles must be a whole number of at least 10 (got "${options.articles}").`);
  process.exit(2);
}
const corpusSeed = Number(options.seed);
if (!Number.isInteger(corpusSeed)) {
  console.error(`--seed must be a whole number (got "${options.seed}").`);
  process.exit(2);
}

/** Writes the corpus under `dir`, each file as it is generated; returns its figures. */
function writeCorpus(dir: string): { summary: CorpusSummary; seconds: number } {
  const started = performance.now();
  const stats = createCorpusStats();
  const made = new Set<string>();
  let newest = '0000-00-00';
  for (const file of generateCorpus({ articles: articleCount, seed: corpusSeed, stats })) {
    const date = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(file.text)?.[1];
    if (date && date > newest) newest = date;
    const target = path.join(dir, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.text);
  }
  writeFileSync(path.join(dir, '..', 'newest-date'), newest);
  return { summary: summarizeCorpus(stats), seconds: (performance.now() - started) / 1000 };
}

const describeCorpus = ({ articles, translations, distinctForms, medianWords }: CorpusSummary, seconds: number) =>
  `${articles.ar + articles.en} articles (ar ${articles.ar}, en ${articles.en}, of which ${translations} translations); ` +
  `distinct word forms ar ${distinctForms.ar}, en ${distinctForms.en}; median ${medianWords} words an article; ${seconds.toFixed(1)} s`;

if (options['write-corpus'] !== undefined) {
  const dir = path.resolve(options['write-corpus']);
  const { summary, seconds } = writeCorpus(dir);
  console.log(`[bench] corpus in ${dir}: ${describeCorpus(summary, seconds)}`);
  process.exit(0);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-'));
const rawDir = path.join(work, 'raw');
const contentDir = path.join(work, 'content');
const distDir = path.join(work, 'dist');
const node = process.execPath;
const env = { ...process.env, ARSHIF_CONTENT_DIR: contentDir, ARSHIF_CACHE_DIR: path.join(work, 'cache') };

const log = (message: string) => console.log(`[bench] ${message}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  log(`corpus: ${articleCount} articles in ${work}`);
  const corpus = writeCorpus(rawDir);
  log(`corpus: ${describeCorpus(corpus.summary, corpus.seconds)}`);

  const imported = await runMeasured(node, ['scripts/import.ts', rawDir], { cwd: projectRoot, env });
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.output.slice(-3000)}`);
  log(`imported in ${imported.seconds.toFixed(1)} s`);

  const built = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], { cwd: projectRoot, env });
  if (built.code !== 0) throw new Error(`astro build failed:\n${built.output.slice(-3000)}`);
  const pages = built.output.match(/(\d+) page\(s\) built/)?.[1];
  log(`built ${pages} pages in ${built.seconds.toFixed(1)} s, peak ${mb(built.peakResidentBytes)}`);

  const output = {
    distBytes: folderBytes(distDir),
    pagefindBytes: folderBytes(path.join(distDir, 'pagefind')),
    searchVocabularyBytes: folderBytes(path.join(distDir, 'search-vocab')),
  };
  const arabicArticle = readdirSync(path.join(contentDir, 'ar')).sort()[0]!.replace(/\.mdx$/, '');
  // As a CDN serves it (gzip, the site's _headers, caching): Lighthouse's simulated network counts what is sent.
  const site = await serveStatic(distDir, { asDeployed: true });
  const browser = await launchBrowser();
  const articlePage = await measurePageWeight(browser, site.url, distDir, `ar/articles/${arabicArticle}/`);
  const firstSearch = await measureFirstSearch(browser, site.url, distDir, 'ar', 'لروسيا');
  // The same word with a typo (ش for س): nothing found, so "did you mean" reads its spelling files and searches again.
  const typoSearch = await measureFirstSearch(browser, site.url, distDir, 'ar', 'لروشيا');
  await browser.close();

  let lighthouse: Record<string, LighthouseScores> | undefined;
  if (!options['no-lighthouse']) {
    const chromePath = await findChromium();
    lighthouse = {
      home: await runLighthouse(chromePath, new URL('ar/', site.url).href),
      article: await runLighthouse(chromePath, new URL(`ar/articles/${arabicArticle}/`, site.url).href),
      search: await runLighthouse(chromePath, new URL(`ar/search/?q=${encodeURIComponent('روسيا')}`, site.url).href),
    };
  }
  await site.close();

  // Ten new articles, dated like the newest one (a news desk's day goes on),
  // imported and built into the same dist/ with the same cache.
  const newest = readFileSync(path.join(rawDir, '..', 'newest-date'), 'utf8');
  const addedDir = path.join(work, 'added');
  let added = 0;
  for (const file of generateCorpus({ articles: 12, seed: corpusSeed + 1 })) {
    if (added === 10 || /^translationOf:/m.test(file.text)) continue;
    const text = file.text.replace(/^date: .*$/m, `date: ${newest}`).replace(/^slug: (.*)$/m, `slug: added-$1`);
    mkdirSync(path.join(addedDir, path.dirname(file.path)), { recursive: true });
    writeFileSync(path.join(addedDir, file.path), /^date: /m.test(text) ? text : text.replace(/^---\n/, `---\ndate: ${newest}\n`));
    added++;
  }
  const importedMore = await runMeasured(node, ['scripts/import.ts', addedDir], { cwd: projectRoot, env });
  if (importedMore.code !== 0) throw new Error(`import of the added articles failed:\n${importedMore.output.slice(-3000)}`);
  const rebuilt = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], { cwd: projectRoot, env });
  if (rebuilt.code !== 0) throw new Error(`incremental astro build failed:\n${rebuilt.output.slice(-3000)}`);
  const reindexed = rebuilt.output.match(/indexed (\d+) pages \((\d+) unchanged\)/);
  log(`added ${added} articles: rebuilt in ${rebuilt.seconds.toFixed(1)} s (${((rebuilt.seconds / built.seconds) * 100).toFixed(0)}% of the cold build), peak ${mb(rebuilt.peakResidentBytes)}; search index: ${reindexed?.[1]} pages indexed, ${reindexed?.[2]} reused`);

  const report = {
    articles: articleCount,
    corpus: {
      seed: corpusSeed,
      articles: corpus.summary.articles,
      translations: corpus.summary.translations,
      distinctWordForms: corpus.summary.distinctForms,
      medianWords: corpus.summary.medianWords,
    },
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    import: { seconds: Number(imported.seconds.toFixed(2)) },
    build: {
      seconds: Number(built.seconds.toFixed(2)),
      pages: Number(pages),
      pagesPerSecond: Number((Number(pages) / built.seconds).toFixed(1)),
      peakResidentBytes: built.peakResidentBytes,
    },
    incremental: {
      addedArticles: added,
      seconds: Number(rebuilt.seconds.toFixed(2)),
      fractionOfCold: Number((rebuilt.seconds / built.seconds).toFixed(3)),
      peakResidentBytes: rebuilt.peakResidentBytes,
      pagesIndexed: Number(reindexed?.[1] ?? NaN),
      pagesReused: Number(reindexed?.[2] ?? NaN),
    },
    output,
    articlePage,
    firstSearch,
    typoSearch,
    ...(lighthouse ? { lighthouse } : {}),
  };

  const resultsDir = path.join(projectRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `latest.json`), `${JSON.stringify(report, null, 2)}\n`);
  // Kept per size too: the 100,000-article budget compares with the 10,000-article run.
  writeFileSync(path.join(resultsDir, `${articleCount}.json`), `${JSON.stringify(report, null, 2)}\n`);

  console.table({
    'corpus: distinct word forms (ar / en)': `${corpus.summary.distinctForms.ar} / ${corpus.summary.distinctForms.en}`,
    'build wall time': `${report.build.seconds} s`,
    [`rebuild after adding ${added} articles`]: `${report.incremental.seconds} s (${(report.incremental.fractionOfCold * 100).toFixed(0)}% of cold), peak ${mb(report.incremental.peakResidentBytes)}`,
    'pages per second': report.build.pagesPerSecond,
    'peak memory (process tree)': mb(report.build.peakResidentBytes),
    'dist/ size': mb(report.output.distBytes),
    'index size (pagefind/ + search-vocab/)': mb(report.output.pagefindBytes + report.output.searchVocabularyBytes),
    'article page before interaction (gzip)': kb(articlePage.beforeInteractionBytes),
    '  of which HTML / CSS / JS': `${kb(articlePage.htmlBytes)} / ${kb(articlePage.cssBytes)} / ${kb(articlePage.jsBytes)}`,
    'article page images before load (apart from the budget)': kb(articlePage.imageBytes),
    'article page fonts': kb(articlePage.fontBytes),
    'readable without JavaScript': articlePage.readableWithoutJavaScript,
    [`first search «${firstSearch.query}»: transferred`]: `${kb(firstSearch.searchBytes)} in ${firstSearch.searchRequests} requests`,
    'first search: time to results': `${firstSearch.millisecondsToResults} ms (${firstSearch.results} shown)`,
    [`first search with a typo «${typoSearch.query}»: transferred`]: `${kb(typoSearch.searchBytes)} in ${typoSearch.searchRequests} requests`,
    'typo search: time to results': `${typoSearch.millisecondsToResults} ms (${typoSearch.results} shown; «${typoSearch.status}»)`,
    ...(lighthouse
      ? Object.fromEntries(
          Object.entries(lighthouse).map(([name, scores]) => [`Lighthouse ${name} (perf/a11y/bp/seo)`, [scores.performance, scores.accessibility, scores['best-practices'], scores.seo].join(' / ')]),
        )
      : {}),
  });
  log(`first search files: ${firstSearch.files.map(({ file, bytes }) => `${file} ${kb(bytes)}`).join(', ')}`);
  for (const [name, scores] of Object.entries(lighthouse ?? {})) {
    if (scores.failing.length) log(`Lighthouse ${name}: not passing: ${scores.failing.join('; ')}`);
    log(`Lighthouse ${name}: ${Object.entries(scores.metrics).map(([id, value]) => `${id} ${value}`).join(', ')}`);
  }
  log('wrote bench/results/latest.json');

  if (options.check) {
    const budgets = JSON.parse(readFileSync(path.join(projectRoot, 'bench/budgets.json'), 'utf8')) as Budget[];
    const earlierRun = (articles: number) => {
      try {
        return JSON.parse(readFileSync(path.join(resultsDir, `${articles}.json`), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    };
    const results = checkBudgets(report, budgets, earlierRun);
    for (const result of results) {
      console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.figure} = ${JSON.stringify(result.value)} (budget ${result.limit}: ${result.reason})`);
    }
    const failed = results.filter((result) => !result.ok);
    log(`${results.length - failed.length} of ${results.length} budgets met`);
    if (failed.length) process.exitCode = 1;
  }
} finally {
  if (!options.keep) rmSync(work, { recursive: true, force: true });
}

/**
 * npm run bench -- [--articles N] [--messy] [--check] [--no-lighthouse] [--keep] [--queries N]
 * node tools/bench/cli.ts --articles N [--messy] --write-corpus DIR
 *
 * Builds a deterministic synthetic archive of N articles (default 1000) in a
 * temporary folder — through the importer, then astro build with Pagefind —
 * and measures build time and memory, output sizes, what an article page and a
 * first search cost a reader, and Lighthouse scores. Writes bench/results/latest.json;
 * with --check, exits non-zero when a budget in tools/bench/budgets.json is exceeded.
 * Never touches the repository's content/.
 *
 * The corpus (tools/bench/corpus.ts) draws real Arabic and English word
 * forms by Zipf's law; with --write-corpus DIR, the script only writes it under
 * DIR/<lang>/, prints a summary line and exits, without importing or building.
 *
 * With --messy, the corpus is the messy news archive instead
 * (tools/bench/messy-corpus.ts: bylines spelled many ways, control
 * characters, tabs, poems, Persian-keyboard Arabic, republished copies, empty
 * pages; files DIR/news-<id>.txt), so that an archive as a scraped newspaper
 * has it can be imported and built at 30,000 articles. Its import is expected
 * to refuse some files (the empty pages) and skip others (the copies): the
 * bench reports the import's summary and goes on. Results go to
 * bench/results/messy-latest.json and messy-<N>.json, apart from the default
 * corpus's figures that the budgets compare.
 *
 * With --queries N, N first queries drawn from the archive's own articles
 * are measured too (first-queries.ts: bytes until the first results and until
 * the whole archive is covered, median, p90 and largest); `npm run
 * bench:queries` measures them on a build kept with --keep, also on a
 * simulated 4G network.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBudgets, type Budget } from './budgets.ts';
import { createCorpusStats, generateCorpus, summarizeCorpus, type CorpusSummary } from './corpus.ts';
import { createMessyStats, describeMessyStats, generateMessyCorpus } from './messy-corpus.ts';
import { findChromium, launchBrowser } from '../browser/chromium.ts';
import { serveStatic } from '../serve/static-server.ts';
import { measureFirstSearch, measurePageWeight } from './browser-metrics.ts';
import { measureQueries, sampleQueries } from './first-queries.ts';
import { runLighthouse, type LighthouseScores } from './lighthouse.ts';
import { runMeasured } from './process-tree.ts';
import { folderBytes } from './sizes.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    check: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'write-corpus': { type: 'string' },
    messy: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2023' },
    queries: { type: 'string', default: '0' },
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

const messy = options.messy;
const queryCount = Number(options.queries);
if (!Number.isInteger(queryCount) || queryCount < 0) {
  console.error(`--queries must be a whole number (got "${options.queries}").`);
  process.exit(2);
}

interface WrittenCorpus {
  /** One line for the log. */
  description: string;
  /** What the report records about the corpus. */
  report: Record<string, unknown>;
  /** Distinct word forms, ar / en (the default corpus only). */
  distinctForms?: string;
}

/** Writes each file under `dir` as it is generated (folders made once); returns the newest date. */
function writeFiles(dir: string, files: Iterable<{ path: string; text: string }>): string {
  const made = new Set<string>();
  let newest = '0000-00-00';
  for (const file of files) {
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
  return newest;
}

const describeCorpus = ({ articles, translations, distinctForms, medianWords }: CorpusSummary, seconds: number) =>
  `${articles.ar + articles.en} articles (ar ${articles.ar}, en ${articles.en}, of which ${translations} translations); ` +
  `distinct word forms ar ${distinctForms.ar}, en ${distinctForms.en}; median ${medianWords} words an article; ${seconds.toFixed(1)} s`;

/** Writes the corpus (the default one, or the messy one with --messy) under `dir`; returns its figures. */
function writeCorpus(dir: string): WrittenCorpus {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  if (messy) {
    const stats = createMessyStats();
    const newest = writeFiles(dir, generateMessyCorpus({ articles: articleCount, seed: corpusSeed, stats }));
    writeFileSync(path.join(dir, '..', 'newest-date'), newest);
    return {
      description: `${describeMessyStats(stats)}; ${seconds().toFixed(1)} s`,
      report: { messy: true, seed: corpusSeed, articles: stats.articles, kinds: stats.kinds, messes: stats.messes },
    };
  }
  const stats = createCorpusStats();
  const newest = writeFiles(dir, generateCorpus({ articles: articleCount, seed: corpusSeed, stats }));
  writeFileSync(path.join(dir, '..', 'newest-date'), newest);
  const summary = summarizeCorpus(stats);
  return {
    description: describeCorpus(summary, seconds()),
    report: {
      seed: corpusSeed,
      articles: summary.articles,
      translations: summary.translations,
      distinctWordForms: summary.distinctForms,
      medianWords: summary.medianWords,
    },
    distinctForms: `${summary.distinctForms.ar} / ${summary.distinctForms.en}`,
  };
}

if (options['write-corpus'] !== undefined) {
  const dir = path.resolve(options['write-corpus']);
  const { description } = writeCorpus(dir);
  console.log(`[bench] corpus in ${dir}: ${description}`);
  process.exit(0);
}

/** The import's summary line ("30000 file(s): … imported, … failed."). */
const importSummary = (output: string) => /^\d+ file\(s\): .*$/m.exec(output)?.[0];

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
  log(`corpus: ${corpus.description}`);

  const imported = await runMeasured(node, ['tools/import/cli.ts', rawDir], { cwd: projectRoot, env });
  // A messy archive has files the import refuses (exit 1) or skips (exit 3); a crash has no summary.
  const importAccepted = imported.code === 0 || (messy && (imported.code === 1 || imported.code === 3) && importSummary(imported.output) !== undefined);
  if (!importAccepted) throw new Error(`import failed:\n${imported.output.slice(-3000)}`);
  log(`imported in ${imported.seconds.toFixed(1)} s${messy ? `: ${importSummary(imported.output)}` : ''}`);

  const built = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], { cwd: projectRoot, env });
  if (built.code !== 0) throw new Error(`astro build failed:\n${built.output.slice(-3000)}`);
  const pages = built.output.match(/(\d+) page\(s\) built/)?.[1];
  log(`built ${pages} pages in ${built.seconds.toFixed(1)} s, peak ${mb(built.peakResidentBytes)}`);

  const output = {
    distBytes: folderBytes(distDir),
    pagefindBytes: folderBytes(path.join(distDir, 'pagefind')),
    searchVocabularyBytes: folderBytes(path.join(distDir, 'search-vocab')),
  };
  const arabicArticle = readdirSync(path.join(contentDir, 'ar'))
    .sort()[0]!
    .replace(/\.mdx$/, '');
  // As a CDN serves it (gzip, the site's _headers, caching): Lighthouse's simulated network counts what is sent.
  const site = await serveStatic(distDir, { asDeployed: true });
  const browser = await launchBrowser();
  const articlePage = await measurePageWeight(browser, site.url, distDir, `ar/articles/${arabicArticle}/`);
  const firstSearch = await measureFirstSearch(browser, site.url, distDir, 'ar', 'لروسيا');
  // The same word with a typo (ش for س): nothing found, so "did you mean" reads its spelling files and searches again.
  const typoSearch = await measureFirstSearch(browser, site.url, distDir, 'ar', 'لروشيا');
  const firstQueries = queryCount ? await measureQueries(browser, site.url, distDir, 'ar', sampleQueries(contentDir, 'ar', queryCount)) : undefined;
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
  if (messy) {
    // Ten ordinary messy articles (the kind every import takes), under names of their own.
    for (const article of generateMessyCorpus({ articles: 40, seed: corpusSeed + 1 })) {
      if (added === 10 || article.kind !== 'ordinary') continue;
      mkdirSync(addedDir, { recursive: true });
      writeFileSync(path.join(addedDir, `added-${article.path}`), article.text.replace(/^date: .*$/m, `date: ${newest}`));
      added++;
    }
  }
  for (const file of messy ? [] : generateCorpus({ articles: 12, seed: corpusSeed + 1 })) {
    if (added === 10 || /^translationOf:/m.test(file.text)) continue;
    const text = file.text.replace(/^date: .*$/m, `date: ${newest}`).replace(/^slug: (.*)$/m, `slug: added-$1`);
    mkdirSync(path.join(addedDir, path.dirname(file.path)), { recursive: true });
    writeFileSync(path.join(addedDir, file.path), /^date: /m.test(text) ? text : text.replace(/^---\n/, `---\ndate: ${newest}\n`));
    added++;
  }
  const importedMore = await runMeasured(node, ['tools/import/cli.ts', addedDir], { cwd: projectRoot, env });
  if (importedMore.code !== 0) throw new Error(`import of the added articles failed:\n${importedMore.output.slice(-3000)}`);
  const rebuilt = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], { cwd: projectRoot, env });
  if (rebuilt.code !== 0) throw new Error(`incremental astro build failed:\n${rebuilt.output.slice(-3000)}`);
  const reindexed = rebuilt.output.match(/indexed (\d+) pages \((\d+) unchanged\)/);
  log(
    `added ${added} articles: rebuilt in ${rebuilt.seconds.toFixed(1)} s (${((rebuilt.seconds / built.seconds) * 100).toFixed(0)}% of the cold build), peak ${mb(rebuilt.peakResidentBytes)}; search index: ${reindexed?.[1]} pages indexed, ${reindexed?.[2]} reused`,
  );

  const report = {
    articles: articleCount,
    corpus: corpus.report,
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    import: { seconds: Number(imported.seconds.toFixed(2)), ...(messy ? { exitCode: imported.code, summary: importSummary(imported.output) } : {}) },
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
    ...(firstQueries ? { firstQueries } : {}),
    ...(lighthouse ? { lighthouse } : {}),
  };

  const resultsDir = path.join(projectRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  // The messy corpus's figures are kept apart: the budgets compare runs of the default corpus.
  const resultPrefix = messy ? 'messy-' : '';
  writeFileSync(path.join(resultsDir, `${resultPrefix}latest.json`), `${JSON.stringify(report, null, 2)}\n`);
  // Kept per size too: the 100,000-article budget compares with the 10,000-article run.
  writeFileSync(path.join(resultsDir, `${resultPrefix}${articleCount}.json`), `${JSON.stringify(report, null, 2)}\n`);

  console.table({
    ...(corpus.distinctForms ? { 'corpus: distinct word forms (ar / en)': corpus.distinctForms } : { 'import (messy corpus)': importSummary(imported.output) }),
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
    ...(firstQueries
      ? {
          [`${firstQueries.queries} first queries from the articles: transferred (median / p90 / max)`]: [
            firstQueries.firstBytes.median,
            firstQueries.firstBytes.p90,
            firstQueries.firstBytes.max,
          ]
            .map(kb)
            .join(' / '),
        }
      : {}),
    ...(lighthouse
      ? Object.fromEntries(
          Object.entries(lighthouse).map(([name, scores]) => [
            `Lighthouse ${name} (perf/a11y/bp/seo)`,
            [scores.performance, scores.accessibility, scores['best-practices'], scores.seo].join(' / '),
          ]),
        )
      : {}),
  });
  log(`first search files: ${firstSearch.files.map(({ file, bytes }) => `${file} ${kb(bytes)}`).join(', ')}`);
  for (const [name, scores] of Object.entries(lighthouse ?? {})) {
    if (scores.failing.length) log(`Lighthouse ${name}: not passing: ${scores.failing.join('; ')}`);
    log(
      `Lighthouse ${name}: ${Object.entries(scores.metrics)
        .map(([id, value]) => `${id} ${value}`)
        .join(', ')}`,
    );
  }
  log(`wrote bench/results/${resultPrefix}latest.json`);

  if (options.check) {
    const budgets = JSON.parse(readFileSync(path.join(projectRoot, 'tools/bench/budgets.json'), 'utf8')) as Budget[];
    const earlierRun = (articles: number) => {
      try {
        return JSON.parse(readFileSync(path.join(resultsDir, `${resultPrefix}${articles}.json`), 'utf8')) as unknown;
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

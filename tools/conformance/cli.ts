/**
 * `npm run conformance`: third parties' own test inputs through the readers —
 * the CommonMark spec's examples, DOMPurify's XSS vectors, the WordPress
 * importer's fixtures — and DOMPurify's vectors once more as built pages in
 * Chromium, with and without the site's CSP (nothing may run). Prints each suite's figures and exits non-zero when a
 * case fails that no stated reduction explains.
 */
import { runBrowserSuite } from './browser.ts';
import { printReport, runCommonMarkSuite } from './commonmark.ts';
import { runDomPurifySuite } from './dompurify.ts';
import type { SuiteReport } from './report.ts';
import { runWordPressSuite } from './wordpress.ts';

const suites: [string, () => Promise<SuiteReport>][] = [
  ['commonmark', () => runCommonMarkSuite()],
  ['dompurify', () => runDomPurifySuite()],
  ['wordpress', () => runWordPressSuite()],
  ['browser', () => runBrowserSuite()],
];

const only = process.argv.slice(2);
const reports: SuiteReport[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  const started = performance.now();
  const report = await run();
  printReport(report);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  reports.push(report);
}
console.log('suite | cases | pass | through a stated reduction | fail');
for (const report of reports) console.log(`${report.name} | ${report.total} | ${report.passed} | ${report.reductions} | ${report.failures.length}`);
process.exitCode = reports.some((report) => report.failures.length) ? 1 : 0;

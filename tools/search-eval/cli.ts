import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateMessyCorpus } from '../bench/messy-corpus.ts';
import { arshifRules } from './arshif-rules.ts';
import { lunrArabicEngine, miniSearchEngine, simpleArabicFold, type EvalArticle, type SearchEngine } from './engines.ts';

/**
 * Known-item evaluation in Node: each engine indexes one set's articles and
 * answers its queries; recall@1, recall@10 and MRR are printed per kind of
 * query and overall. `node tools/search-eval/cli.ts [set.json] [--distractors N]`
 * (default: the held-out news set beside this file); `--distractors` adds N
 * articles of the messy corpus (tools/bench/messy-corpus.ts) to the index,
 * so every engine ranks the targets among pages of real Arabic word forms.
 */
interface EvalQuery {
  kind: string;
  query: string;
  expect: string;
}

interface EvalSet {
  articles: EvalArticle[];
  queries: EvalQuery[];
}

export interface Scores {
  queries: number;
  recallAt1: number;
  recallAt10: number;
  meanReciprocalRank: number;
}

export function scoresOf(ranks: readonly number[]): Scores {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const count = ranks.length || 1;
  return {
    queries: ranks.length,
    recallAt1: round(ranks.filter((rank) => rank === 1).length / count),
    recallAt10: round(ranks.filter((rank) => rank >= 1 && rank <= 10).length / count),
    meanReciprocalRank: round(ranks.reduce((sum, rank) => sum + (rank >= 1 && rank <= 10 ? 1 / rank : 0), 0) / count),
  };
}

/** Per engine, per kind (and "all"), the scores; misses listed per engine. */
export async function evaluate(set: EvalSet, engines: readonly SearchEngine[]) {
  const results: { engine: string; byKind: Record<string, Scores>; misses: string[] }[] = [];
  for (const engine of engines) {
    const ranksByKind = new Map<string, number[]>();
    const misses: string[] = [];
    for (const { kind, query, expect } of set.queries) {
      const rank = (await engine.search(query)).indexOf(expect) + 1;
      for (const key of [kind, 'all']) ranksByKind.set(key, [...(ranksByKind.get(key) ?? []), rank]);
      if (rank !== 1) misses.push(`${kind}: ${query} → ${rank || 'not found'}`);
    }
    results.push({ engine: engine.name, byKind: Object.fromEntries([...ranksByKind].map(([kind, ranks]) => [kind, scoresOf(ranks)])), misses });
  }
  return results;
}

export function enginesFor(articles: readonly EvalArticle[]): SearchEngine[] {
  return [arshifRules(articles), lunrArabicEngine(articles), miniSearchEngine(articles), miniSearchEngine(articles, simpleArabicFold)];
}

/** The body of a messy-corpus article: its lines after the front block. */
function messyBody(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  return lines.slice(end + 1).join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { distractors: { type: 'string', default: '0' } } });
  const file = positionals[0] ?? path.join(import.meta.dirname, 'heldout-news.json');
  const set = JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
  const distractors = [...generateMessyCorpus({ articles: Number(values.distractors) })].map(({ path: id, title, text }) => ({
    id,
    title,
    text: messyBody(text),
  }));
  const articles = [...set.articles, ...distractors];
  const results = await evaluate(set, enginesFor(articles));
  const kinds = [...new Set(set.queries.map(({ kind }) => kind)), 'all'];
  console.log(`${path.basename(file)}: ${set.articles.length} articles and ${distractors.length} of the messy corpus, ${set.queries.length} queries`);
  console.log('| engine | kind | queries | recall@1 | recall@10 | MRR |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const { engine, byKind } of results) {
    for (const kind of kinds) {
      const scores = byKind[kind];
      if (scores)
        console.log(
          `| ${engine} | ${kind} | ${scores.queries} | ${scores.recallAt1.toFixed(3)} | ${scores.recallAt10.toFixed(3)} | ${scores.meanReciprocalRank.toFixed(3)} |`,
        );
    }
  }
  for (const { engine, misses } of results) if (misses.length) console.log(`\n${engine} misses:\n  ${misses.join('\n  ')}`);
}

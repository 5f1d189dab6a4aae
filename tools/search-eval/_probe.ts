import { readFileSync } from 'node:fs';
import { generateMessyCorpus } from '../bench/messy-corpus.ts';
import { arshifRules } from './arshif-rules.ts';
const set = JSON.parse(readFileSync('tools/search-eval/heldout-news.json', 'utf8'));
const body = (text: string) => {
  const l = text.split('\n');
  const e = l.findIndex((x, i) => i > 0 && x.trim() === '---');
  return l.slice(e + 1).join('\n');
};
const d = [...generateMessyCorpus({ articles: 3000 })].map(({ path, title, text }) => ({ id: path, title, text: body(text) }));
const all = [...set.articles, ...d];
console.time('index');
const engine = arshifRules(all);
console.timeEnd('index');
import { parseQuery } from '../../src/search/relevance.ts';
import { retrieve } from '../../src/search/retrieval.ts';
const backend = (engine as any).backend;
if (backend) {
  const r = await retrieve(backend, parseQuery('يوتوب الطبخ'));
  console.log(r.pages.slice(0, 10).map((p: any) => [p.pageId, p.tier, p.score, p.missing, p.matchedForms]));
}
for (const q of []) {
  console.time(q);
  const r = await engine.search(q);
  console.timeEnd(q);
  console.log(q, r.slice(0, 9));
  for (const id of r.slice(0, 2)) {
    const a = all.find((x) => x.id === id)!;
    console.log(id, (a.title + ' ' + a.text).match(/\S*(يوت|طبخ|قحم|حائل|قمح|حايل)\S*/g));
  }
}

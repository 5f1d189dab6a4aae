import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * Every command the documentation gives must work as written on a fresh clone
 * with whatever Node.js runs npm (Node 20 among them): `npm run …` and `npx …`
 * run on the Node 24 installed in node_modules/.bin, but a bare
 * `node <file>.ts` runs on the system's, which cannot read TypeScript
 * (ERR_UNKNOWN_FILE_EXTENSION on Node 20). And an `npm run <script>` must name
 * a script package.json has.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const scripts = new Set(Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts));

/** The code of a Markdown text, a line at a time, with its line number: fenced blocks and inline code spans. */
function codeLines(markdown: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return;
    }
    if (fence !== null) out.push({ line, code: text });
    else for (const span of text.matchAll(/(`+)(.+?)\1/g)) out.push({ line, code: span[2]! });
  });
  return out;
}

const NODE_ON_TYPESCRIPT = /(?:^|[\s;&|(])node(?:\s+--?[\w-]+(?:=\S+)?)*\s+\S+\.[cm]?ts(?=$|[\s;&|)])/;
const NPM_RUN = /\bnpm\s+(?:run(?:-script)?|rum|urn)\s+([A-Za-z0-9][\w:.-]*)/g;
const NPM_ALIAS = /\bnpm\s+(start|test|stop|restart)\b/g;

/** What is wrong with the commands of one document, a message a line. */
function commandProblems(file: string, markdown: string): string[] {
  const problems: string[] = [];
  for (const { line, code } of codeLines(markdown)) {
    if (NODE_ON_TYPESCRIPT.test(code))
      problems.push(`${file}:${line}: \`${code.trim()}\` runs a .ts file on the system's Node (fails on Node 20): use npm run … or npx …`);
    for (const [, script] of [...code.matchAll(NPM_RUN), ...code.matchAll(NPM_ALIAS)])
      if (!scripts.has(script!)) problems.push(`${file}:${line}: \`${code.trim()}\` names the script "${script}", which package.json does not have`);
  }
  return problems;
}

describe('the commands in the documentation work as written', () => {
  test('no document runs a .ts file with node, and every npm run names a script of package.json', () => {
    const problems = DOCUMENTS.flatMap((file) => commandProblems(file, readFileSync(path.join(root, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  test('the check finds both mistakes, in a fenced block and in inline code, and passes what works', () => {
    const sample = [
      'Run `node tools/import/cli.ts` or:',
      '',
      '```sh',
      'node --no-warnings scripts/bench.ts --articles 10',
      'npm run buidl',
      'npm run build && npm start',
      'npx vitest run tests/unit/slug.test.ts',
      'node_modules/.bin/node tools/verify/cli.ts',
      '```',
      '',
      'And `npm run import -- a.txt`, `npm run …` in prose.',
    ].join('\n');
    expect(commandProblems('sample.md', sample)).toEqual([
      "sample.md:1: `node tools/import/cli.ts` runs a .ts file on the system's Node (fails on Node 20): use npm run … or npx …",
      "sample.md:4: `node --no-warnings scripts/bench.ts --articles 10` runs a .ts file on the system's Node (fails on Node 20): use npm run … or npx …",
      'sample.md:5: `npm run buidl` names the script "buidl", which package.json does not have',
    ]);
  });
});

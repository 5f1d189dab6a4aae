import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importCycles, moduleCode, moduleGraph, relativeSpecifiers, type ModuleGraph } from '../../../src/integrations/module-graph.ts';
import { indexInputs } from '../../../src/integrations/pagefind.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A project held in memory: root-relative path → text. */
function reader(files: Record<string, string>) {
  return (absolute: string) => files[path.relative('/project', absolute).split(path.sep).join('/')];
}

describe('relativeSpecifiers', () => {
  test('finds static, type-only, re-export, side-effect and dynamic imports, in order, once each', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'import {',
      '  c,',
      '  d,',
      '} from "./c.ts";',
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "import './side-effect.ts';",
      "const lazy = await import('./lazy.ts');",
      "import again from './a.ts';",
    ].join('\n');
    expect(relativeSpecifiers('src/x.ts', source)).toEqual(['./a.ts', '../b.ts', './c.ts', './e.ts', './f.ts', './side-effect.ts', './lazy.ts']);
  });

  test('leaves out packages, node: and astro: modules, and drops ?query suffixes', () => {
    const source = [
      "import { parse } from 'ultrahtml';",
      "import { readFile } from 'node:fs/promises';",
      "import { getCollection } from 'astro:content';",
      "import font from '../assets/font.woff2?url';",
      "import pkg from '@scope/pkg/file.js';",
    ].join('\n');
    expect(relativeSpecifiers('src/x.ts', source)).toEqual(['../assets/font.woff2']);
  });

  test('a match never runs from one statement into the next', () => {
    expect(relativeSpecifiers('src/x.ts', "export const name = 'x';\nconst from = './not-an-import.ts';")).toEqual([]);
  });

  test("reads an Astro component's frontmatter only: its <script> tags are client code", () => {
    const component = [
      '---',
      "import Base from '../layouts/Base.astro';",
      "import { f } from '../lib/f.ts';",
      '---',
      '<Base />',
      '<script>',
      "  import { client } from '../scripts/client.ts';",
      '</script>',
    ].join('\n');
    expect(moduleCode('src/pages/p.astro', component)).toBe("import Base from '../layouts/Base.astro';\nimport { f } from '../lib/f.ts';");
    expect(relativeSpecifiers('src/pages/p.astro', component)).toEqual(['../layouts/Base.astro', '../lib/f.ts']);
    expect(relativeSpecifiers('src/components/Plain.astro', '<p>no frontmatter</p>')).toEqual([]);
  });
});

describe('moduleGraph', () => {
  const project = {
    'src/page.astro': "---\nimport Layout from './Layout.astro';\nimport { a } from './lib/a.ts';\nimport './style.css';\n---\n<Layout />",
    'src/Layout.astro': "---\nimport { b } from './lib/b';\n---\n<slot />",
    'src/lib/a.ts': "import { b } from './b.ts';\nimport { missing } from './gone.ts';\nimport { c } from './c';",
    'src/lib/b.ts': "import { x } from 'some-package';",
    'src/lib/c/index.ts': "export * from '../b.ts';",
    'src/style.css': "@import './other.css';",
    'src/unreached.ts': "import { a } from './lib/a.ts';",
  };

  test('follows relative imports transitively, resolving missing extensions and index files; sorted', () => {
    const graph = moduleGraph('/project', ['src/page.astro'], reader(project));
    expect(graph.files).toEqual(['src/Layout.astro', 'src/lib/a.ts', 'src/lib/b.ts', 'src/lib/c/index.ts', 'src/page.astro']);
    expect(graph.imports.get('src/lib/a.ts')).toEqual(['src/lib/b.ts', 'src/lib/c/index.ts']);
    expect(graph.imports.get('src/page.astro')).toEqual(['src/Layout.astro', 'src/lib/a.ts']);
  });

  test('the same graph whatever the order of the entries', () => {
    const one = moduleGraph('/project', ['src/page.astro', 'src/unreached.ts'], reader(project));
    const other = moduleGraph('/project', ['src/unreached.ts', 'src/page.astro'], reader(project));
    expect(other.files).toEqual(one.files);
    expect([...other.imports]).toEqual([...one.imports]);
  });

  test('an entry that does not exist is an error, not a smaller graph', () => {
    expect(() => moduleGraph('/project', ['src/renamed.ts'], reader(project))).toThrow(/src\/renamed\.ts does not exist/);
  });
});

describe('importCycles', () => {
  const graphOf = (imports: Record<string, string[]>): ModuleGraph => ({ files: Object.keys(imports).sort(), imports: new Map(Object.entries(imports)) });

  test('none in a tree, even where two modules import a third', () => {
    expect(importCycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  test('each circle once, from its first module, in import order', () => {
    const cycles = importCycles(graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['f'], g: ['a'] }));
    expect(cycles).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  test("finds the circle the keying had: the registry imports a script, which imports the registry's types", () => {
    const files = {
      'src/keying.ts': "import { arabicKeying } from './arabic-script.ts';",
      'src/arabic-script.ts': "import type { ScriptKeying } from './keying.ts';",
    };
    expect(importCycles(moduleGraph('/project', ['src/keying.ts'], reader(files)))).toEqual([['src/arabic-script.ts', 'src/keying.ts']]);
  });
});

describe('the search index inputs (src/integrations/pagefind.ts)', () => {
  // The list that was kept by hand before it was derived, at its last paths.
  const HAND_KEPT = [
    'package-lock.json',
    'src/article/body.ts',
    'src/article/safe-url.ts',
    'src/data/articles.ts',
    'src/pages/[locale]/articles/[slug].astro',
    'src/components/SearchIndexFields.astro',
    'src/search/indexed-text.ts',
    'src/search/keying/scripts/arabic.ts',
    'src/search/keying/scripts/hebrew.ts',
    'src/search/keying/registry.ts',
    'src/search/keying/interface.ts',
    'src/search/words.ts',
    'src/search/keying/scripts/persian.ts',
    'src/search/keying/scripts/urdu.ts',
    'src/search/vocabulary.ts',
    'src/search/spelling.ts',
    'src/integrations/search-vocabulary.ts',
    'src/i18n/locales.ts',
    'src/i18n/calendar.ts',
  ];

  test('hold every file of the hand-kept list that still exists', () => {
    const inputs = indexInputs(root);
    const existing = HAND_KEPT.filter((file) => existsSync(path.join(root, file)));
    expect(existing.length).toBeGreaterThan(15);
    for (const file of existing) expect(inputs).toContain(file);
  });

  test('are sorted, the same on every call, and root-relative paths of existing files', () => {
    const inputs = indexInputs(root);
    expect(inputs).toEqual([...inputs].sort());
    expect(indexInputs(root)).toEqual(inputs);
    for (const file of inputs) expect(existsSync(path.join(root, file)), file).toBe(true);
    // Client code (<script> in a component) is bundled apart: it is not what the page holds.
    expect(inputs.some((file) => file.startsWith('src/client/'))).toBe(false);
  });
});

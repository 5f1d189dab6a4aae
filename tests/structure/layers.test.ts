import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importCycles, moduleGraph } from '../../src/integrations/module-graph.ts';
import { layerOf, layerViolations } from './layers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every module of the site and the tools, root-relative. */
function projectModules(): string[] {
  const modules = ['astro.config.mjs'];
  for (const folder of ['src', 'tools']) {
    for (const name of readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|mjs|astro)$/.test(name) && !name.endsWith('.d.ts')) modules.push(`${folder}/${name.split('\\').join('/')}`);
    }
  }
  return modules.sort();
}

describe('the layout shows the flow: layers import only what is below them', () => {
  const modules = projectModules();
  const graph = moduleGraph(root, modules);

  test('every module belongs to a layer, and each layer has modules', () => {
    expect(modules.filter((file) => !layerOf(file))).toEqual([]);
    const layers = new Set(modules.map(layerOf));
    expect([...layers].sort()).toEqual(['client', 'shared', 'site', 'tools']);
  });

  test('no tool imports the site, the site imports no tool, browser code imports only shared modules', () => {
    expect(graph.files.length).toBeGreaterThan(150);
    expect(layerViolations(graph.imports)).toEqual([]);
  });

  test('no import cycle anywhere (a cycle of types is one of modules too)', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test('the check fails on a tool imported by the site, the site imported by a tool, shared code reaching up, and a circle', () => {
    const imports = new Map<string, string[]>([
      ['src/pages/index.astro', ['tools/import/model.ts', 'src/article/index.ts']],
      ['tools/bench/cli.ts', ['src/site/urls.ts', 'src/search/words.ts']],
      ['src/article/names.ts', ['src/data/articles.ts']],
      ['src/client/theme-toggle.ts', ['src/site/theme-init.ts']],
    ]);
    expect(layerViolations(imports)).toEqual([
      'src/article/names.ts → src/data/articles.ts (shared may not import site)',
      'src/client/theme-toggle.ts → src/site/theme-init.ts (client may not import site)',
      'src/pages/index.astro → tools/import/model.ts (site may not import tools)',
      'tools/bench/cli.ts → src/site/urls.ts (tools may not import site)',
    ]);
    const read = (file: string) => ({ '/p/src/a.ts': "import { b } from './b.ts';", '/p/src/b.ts': "import { a } from './a.ts';" })[file];
    expect(importCycles(moduleGraph('/p', ['src/a.ts'], read))).toHaveLength(1);
  });
});

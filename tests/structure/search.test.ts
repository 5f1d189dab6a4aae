import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importCycles, moduleGraph } from '../../src/integrations/module-graph.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every module under a folder of src/, root-relative, sorted. */
function modulesUnder(folder: string): string[] {
  return readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${folder}/${name.split('\\').join('/')}`)
    .sort();
}

const REGISTRY = 'src/search/keying/registry.ts';
const SCRIPTS = 'src/search/keying/scripts';

describe('src/search/', () => {
  const modules = modulesUnder('src/search');
  const graph = moduleGraph(root, modules);

  test('has no import cycle (types count: a circle of types is one of modules too)', () => {
    expect(modules.length).toBeGreaterThan(10);
    expect(importCycles(graph)).toEqual([]);
  });

  test("no script's keying reaches the registry: each depends on the interface (and on the scripts it builds on)", () => {
    const scripts = modulesUnder(SCRIPTS);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const script of scripts) expect(moduleGraph(root, [script]).files, script).not.toContain(REGISTRY);
  });

  test('the registry is the only module outside keying/scripts/ that imports a script', () => {
    const importers = [...graph.imports]
      .filter(([file, targets]) => !file.startsWith(`${SCRIPTS}/`) && targets.some((target) => target.startsWith(`${SCRIPTS}/`)))
      .map(([file]) => file);
    expect(importers).toEqual([REGISTRY]);
  });
});

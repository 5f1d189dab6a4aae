import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/site.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOW = '.github/workflows/build-sharded.yml';
const validator = path.join(root, 'node_modules/.bin/action-validator');
const work = mkdtempSync(path.join(tmpdir(), 'arshif-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Workflow {
  env: { SHARDS: number };
  jobs: Record<
    string,
    { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }
  >;
}

describe('the sharded build workflow', () => {
  test('is valid against the GitHub workflow schema (offline, @action-validator/cli), which refuses an invalid one', { timeout: 60_000 }, async () => {
    const valid = await run(validator, [WORKFLOW], { cwd: root });
    expect(valid.output).toBe('');
    expect(valid.code).toBe(0);
    // The validator does reject: the same workflow with a step's key misspelt.
    const broken = path.join(work, 'broken.yml');
    writeFileSync(
      broken,
      readFileSync(path.join(root, WORKFLOW), 'utf8').replace('    runs-on: ubuntu-latest\n    strategy:', '    runs_on: ubuntu-latest\n    strategy:'),
    );
    const invalid = await run(validator, [broken], { cwd: root });
    expect(invalid.code).not.toBe(0);
    expect(invalid.output).toContain("Additional property 'runs_on' is not allowed");
  });

  test('runs one job per shard, passes every shard to the assemble job, and builds with the scripts package.json has', () => {
    const workflow = parse(readFileSync(path.join(root, WORKFLOW), 'utf8')) as Workflow;
    const { shard, assemble } = workflow.jobs;
    expect(shard?.strategy?.matrix.shard).toEqual(Array.from({ length: workflow.env.SHARDS }, (_, at) => at + 1));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not a template
    expect(shard?.steps.map((step) => step.run)).toContain('npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }}');
    const upload = shard?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    // The parts' keys and word counts are hidden files, which the artifact would otherwise leave out.
    expect(upload?.with).toMatchObject({ path: 'dist-shards/', 'include-hidden-files': true });
    expect(assemble?.needs).toBe('shard');
    const download = assemble?.steps.find((step) => step.uses?.startsWith('actions/download-artifact'));
    expect(download?.with).toMatchObject({ pattern: 'shard-*', path: 'dist-shards/', 'merge-multiple': true });
    expect(assemble?.steps.map((step) => step.run)).toContain('npm run assemble');
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.assemble).toBe('astro build --assemble');
    expect(scripts.build).toBe('astro build');
  });
});

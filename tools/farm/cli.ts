/**
 * npm run build:sharded -- --shards N [--jobs K] [--out-dir DIR]
 *
 * The build farm on one machine: N shard builds (`astro build --shard I/N`),
 * each a process of its own with its own cache, at most K at once, then the
 * assemble step (`astro build --assemble`) into dist/ (or DIR). The same split
 * runs on N machines in .github/workflows/build-sharded.yml. Stops at the
 * first shard that fails, with its output.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { settings } from '../../src/settings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');

const USAGE = `Usage: npm run build:sharded -- --shards N [--jobs K] [--out-dir DIR]

  --shards N      split the build into N shards (each renders whole index parts' article pages)
  --jobs K        run at most K shard builds at once (default: the machine's cores, at most N)
  --out-dir DIR   where the assemble step writes the site (default: dist)

Shards go to ARSHIF_SHARDS_DIR (default ./dist-shards), emptied first; every other
ARSHIF_* variable applies to every shard and to the assemble step.`;

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} ${value}: expected a whole number of 1 or more\n\n${USAGE}`);
  return Number(value);
}

/** Runs astro with `args`, its output prefixed with `label`; resolves with its exit code. */
function astro(args: string[], label: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) stream.write(`[${label}] ${line}\n`);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { shards: { type: 'string' }, jobs: { type: 'string' }, 'out-dir': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = positive(values.shards, 'shards');
  if (!count) throw new Error(`--shards is required\n\n${USAGE}`);
  const jobs = Math.min(count, positive(values.jobs, 'jobs') ?? availableParallelism());
  // Astro writes a build's server files inside its outDir when that is inside the project, and in the project's
  // own .astro/ otherwise, where shards building at once would overwrite one another's.
  const shardsDir = path.resolve(settings.shardsDir);
  if (jobs > 1 && !shardsDir.startsWith(process.cwd() + path.sep))
    throw new Error(`ARSHIF_SHARDS_DIR=${settings.shardsDir} is outside ${process.cwd()}: shards built at once need it inside (or --jobs 1).`);
  const started = performance.now();
  await rm(settings.shardsDir, { recursive: true, force: true });

  const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)}s`;
  let next = 1;
  let failed = 0;
  const runner = async () => {
    while (next <= count && !failed) {
      const index = next++;
      const from = performance.now();
      const code = await astro(['build', '--shard', `${index}/${count}`], `shard ${index}/${count}`);
      if (code !== 0) failed ||= index;
      else console.log(`shard ${index}/${count} built in ${seconds(from)}`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, runner));
  if (failed) {
    console.error(`shard ${failed}/${count} failed; nothing assembled.`);
    return 1;
  }
  const assembling = performance.now();
  const outDir = values['out-dir'];
  const code = await astro(['build', '--assemble', ...(outDir ? ['--outDir', outDir] : [])], 'assemble');
  if (code !== 0) return code;
  console.log(`${count} shard(s), ${jobs} at once, assembled in ${seconds(assembling)}; ${seconds(started)} in all`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

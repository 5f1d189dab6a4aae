import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** Folder of content/<locale>/<slug>.mdx; the bundled content by default. */
  contentDir?: string;
  /** Where dist goes; must be unique per build so parallel fixtures never collide. */
  outDir: string;
  /** Subfolder to build for, e.g. `/archive/`. */
  base?: string;
  /** Project to build; by default a copy of this one per test process (the extra-locale test builds a modified copy). */
  root?: string;
  /** Pages per search-index part (ARSHIF_INDEX_PART_PAGES); small values make a small corpus use several parts. */
  indexPartPages?: number;
  /** More environment for the build (e.g. ARSHIF_FIRST_SEARCH_BYTES). */
  env?: Record<string, string>;
}

/** What a build reads from the project folder. */
const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'content', 'content-pages'];

let processProject: string | undefined;
/** Builds of this process, one at a time: they share its project folder. */
let buildsInProject: Promise<unknown> = Promise.resolve();

/**
 * This test process's own copy of the project, where its builds run. Astro
 * keeps a build's content modules (content-assets.mjs: which photographs the
 * articles import) in <root>/.astro/ whatever the cache folder, so builds of
 * two corpora at once in one root, from two test files, could take each
 * other's (LocalImageUsedWrongly, seen on a loaded machine). The sources are
 * copied, node_modules is linked.
 */
function projectOfProcess(): string {
  if (processProject) return processProject;
  processProject = copyProject(path.join(projectRoot, 'tests/.tmp/projects', String(process.pid)));
  return processProject;
}

/** A copy of the project in `folder` (emptied first) that builds as this one does: the sources copied, node_modules linked. */
export function copyProject(folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const entry of PROJECT_ENTRIES) cpSync(path.join(projectRoot, entry), path.join(folder, entry), { recursive: true });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return folder;
}

/**
 * A real `astro build` of this project (with Pagefind, as `npm run build`),
 * in a child process so each build gets a fresh module graph and its own
 * environment: ARSHIF_CONTENT_DIR and BASE_PATH are how users point a build
 * at a corpus or a subfolder, so the tests use exactly that. Returns the build's output.
 */
export async function buildSite({ contentDir, outDir, base, root, indexPartPages, env: extraEnv = {} }: BuildOptions): Promise<string> {
  const env = buildEnvironment({ contentDir, outDir, base, indexPartPages, env: extraEnv });
  const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const build = async () => {
    const { code, output } = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], { cwd: root ?? projectOfProcess(), env });
    if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.replace(/\u001b\[[0-9;]*m/g, '').slice(-4000)}`);
    return output;
  };
  if (root) return build();
  const turn = buildsInProject.then(build);
  buildsInProject = turn.catch(() => undefined);
  return turn;
}

/** The environment of a test's build, as a user's shell would give it. */
function buildEnvironment({ contentDir, outDir, base, indexPartPages, env: extraEnv = {} }: Omit<BuildOptions, 'root'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    // A separate cache per build: the content store must not leak between corpora.
    ARSHIF_CACHE_DIR: `${outDir}.cache`,
    // Plain messages: tests match on them, and CI terminals would get colour codes.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  // Vitest exports its own import.meta.env (BASE_URL, MODE, PROD…) and NODE_ENV=test as environment
  // variables; Astro would take them for the site's. A user's shell has none of them.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  if (contentDir) env.ARSHIF_CONTENT_DIR = contentDir;
  if (base) env.BASE_PATH = base;
  if (indexPartPages) env.ARSHIF_INDEX_PART_PAGES = String(indexPartPages);
  return env;
}

/**
 * `npm run build:sharded -- --shards N --jobs K` as a user runs it (tools/farm/cli.ts): N shard builds, K at a
 * time, into `shardsDir`, then the assemble step into `outDir`. Returns its output.
 */
export async function buildSharded(options: Omit<BuildOptions, 'root'> & { shards: number; jobs: number; shardsDir: string }): Promise<string> {
  const env = { ...buildEnvironment(options), ARSHIF_SHARDS_DIR: options.shardsDir };
  const { code, output } = await run(
    path.join(projectRoot, 'node_modules/.bin/node'),
    ['tools/farm/cli.ts', '--shards', String(options.shards), '--jobs', String(options.jobs), '--out-dir', options.outDir],
    { cwd: projectRoot, env },
  );
  if (code !== 0) throw new Error(`npm run build:sharded failed (exit ${code}):\n${output.replace(/\u001b\[[0-9;]*m/g, '').slice(-4000)}`);
  return output;
}

/** `npm run import -- <args>` as a user runs it: tools/import/cli.ts in a process of its own, into `contentDir`. */
export function runImport(contentDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return run(path.join(projectRoot, 'node_modules/.bin/node'), ['tools/import/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ARSHIF_CONTENT_DIR: contentDir },
  });
}

/** Runs a command, collecting stdout and stderr together. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export { serveStatic, type StaticSite } from '../../tools/serve/static-server.ts';

/** Where shared builds live; the e2e global setup empties it, so every run builds afresh once. */
export const sharedBuildsDir = path.join(projectRoot, 'tests/.tmp/shared');

/**
 * A build that several test files can read: the first file to ask builds it,
 * the others (in the same run, in any worker) wait for it and reuse its dist.
 * Files must only read it. The key is every option that changes the output,
 * so two files asking for different builds never share one.
 */
export async function sharedBuild(options: Omit<BuildOptions, 'outDir'>): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify({ ...options, env: Object.entries(options.env ?? {}).sort() }))
    .digest('hex')
    .slice(0, 16);
  const folder = path.join(sharedBuildsDir, key);
  const outDir = path.join(folder, 'dist');
  const done = path.join(folder, 'built');
  const failed = path.join(folder, 'failed');
  mkdirSync(sharedBuildsDir, { recursive: true });
  // mkdir is atomic: exactly one worker claims the build; the others wait for its verdict.
  let claimed = true;
  try {
    mkdirSync(folder);
  } catch {
    claimed = false;
  }
  if (claimed) {
    try {
      await buildSite({ ...options, outDir });
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
    writeFileSync(done, new Date().toISOString());
    return outDir;
  }
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`the shared build another test file started failed:\n${readFileSync(failed, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return outDir;
}

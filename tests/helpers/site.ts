import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import path from 'node:path';
import compression from 'compression';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';
import sirv from 'sirv';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** Folder of content/<locale>/<slug>.mdx; the bundled content by default. */
  contentDir?: string;
  /** Where dist goes; must be unique per build so parallel fixtures never collide. */
  outDir: string;
  /** Subfolder to build for, e.g. `/archive/`. */
  base?: string;
  /** Project to build; this one by default (the extra-locale test builds a modified copy). */
  root?: string;
  /** Pages per search-index part (ARSHIF_INDEX_PART_PAGES); small values make a small corpus use several parts. */
  indexPartPages?: number;
  /** More environment for the build (e.g. ARSHIF_FIRST_SEARCH_BYTES). */
  env?: Record<string, string>;
}

/**
 * A real `astro build` of this project (with Pagefind, as `npm run build`),
 * in a child process so each build gets a fresh module graph and its own
 * environment: ARSHIF_CONTENT_DIR and BASE_PATH are how users point a build
 * at a corpus or a subfolder, so the tests use exactly that. Returns the build's output.
 */
export async function buildSite({ contentDir, outDir, base, root = projectRoot, indexPartPages, env: extraEnv = {} }: BuildOptions): Promise<string> {
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
  const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const { code, output } = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], { cwd: root, env });
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.replace(/\u001b\[[0-9;]*m/g, '').slice(-4000)}`);
  return output;
}

/** `npm run import -- <args>` as a user runs it: scripts/import.ts in a process of its own, into `contentDir`. */
export function runImport(contentDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return run(path.join(projectRoot, 'node_modules/.bin/node'), ['scripts/import.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ARSHIF_CONTENT_DIR: contentDir },
  });
}

/** Runs a command, collecting stdout and stderr together. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export interface StaticSite {
  /** Origin plus base, ending in `/`, e.g. http://127.0.0.1:39123/archive/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built dist/ on a loopback port chosen by the OS, as any static
 * host would: files only, no rewrites. With `base`, the site lives under that
 * subfolder and everything outside it is a 404. Files are read on each
 * request and never cached (a test may rebuild under a running server).
 *
 * With `asDeployed`, as a CDN serves the finished site (the bench): text
 * gzipped (the `compression` middleware), the site's own `_headers` (its
 * Content-Security-Policy and its year-long caching of hashed files), ETags,
 * and the file list read once at start. Lighthouse then sees what a reader's
 * browser receives — 6 KB of CSS where the raw file is 22 KB, and a font that
 * two @font-face rules share fetched once, not once per rule as under
 * `no-store`.
 */
export async function serveStatic(
  distDir: string,
  {
    base = '/',
    headers = {},
    asDeployed = false,
  }: { base?: string; headers?: Record<string, string> | ((pathname: string) => Record<string, string>); asDeployed?: boolean } = {},
): Promise<StaticSite> {
  const files = sirv(distDir, { dev: !asDeployed, etag: asDeployed, extensions: ['html'] });
  const gzip = asDeployed ? compression() : undefined;
  const headersFile = path.join(distDir, '_headers');
  const siteRules = asDeployed && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : undefined;
  // Like GitHub Pages, Netlify or Cloudflare Pages: a miss gets dist/404.html with status 404.
  const notFound = (response: ServerResponse) => {
    const page = path.join(distDir, '404.html');
    response.statusCode = 404;
    if (existsSync(page)) {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(readFileSync(page));
    } else {
      response.end('Not found');
    }
  };
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const pathname = new URL(url, 'http://localhost').pathname;
    const sitePath = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : pathname;
    const headersHere = { ...(siteRules ? headersForPath(siteRules, sitePath) : {}), ...(typeof headers === 'function' ? headers(sitePath) : headers) };
    for (const [name, value] of Object.entries(headersHere)) response.setHeader(name, value);
    if (!url.startsWith(prefix)) {
      notFound(response);
      return;
    }
    request.url = `/${url.slice(prefix.length)}`;
    const serve = () => files(request, response, () => notFound(response));
    // The middleware is written for Express, whose request and response extend Node's.
    if (gzip) gzip(request as Parameters<typeof gzip>[0], response as Parameters<typeof gzip>[1], serve);
    else serve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

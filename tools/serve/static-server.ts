import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { headersForPath, parseHeadersFile } from './headers-file.ts';

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

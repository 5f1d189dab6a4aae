import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot, serveStatic, sharedBuildsDir, type StaticSite } from '../helpers/site.ts';
import { findChromium } from '../helpers/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL (ending in /) of the bundled archive, built once for every e2e file. */
    bundledSiteUrl: string;
    /** Its dist folder. */
    bundledDist: string;
  }
}

let site: StaticSite | undefined;

/**
 * Builds the bundled archive once (a real `astro build` with Pagefind) and
 * serves it on a loopback port for every browser test file. Fails at once,
 * with what to install, when no Chromium can be found.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await findChromium();
  const outDir = path.join(projectRoot, 'tests/.tmp/bundled/dist');
  rmSync(path.dirname(outDir), { recursive: true, force: true });
  // Builds that files share (helpers/site.ts: sharedBuild) are made afresh once per run.
  rmSync(sharedBuildsDir, { recursive: true, force: true });
  // And the project copies builds run in, one per test process (helpers/site.ts), from the sources as they are now.
  rmSync(path.join(projectRoot, 'tests/.tmp/projects'), { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  await buildSite({ outDir });
  site = await serveStatic(outDir);
  project.provide('bundledSiteUrl', site.url);
  project.provide('bundledDist', outDir);
  return async () => {
    await site?.close();
  };
}

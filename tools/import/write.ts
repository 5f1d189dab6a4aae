import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `.<name>.<pid>.<8 hex>.tmp` beside the target: the pattern orphan cleanup looks for. */
function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a file atomically: to a temporary file beside it, then a rename, so
 * a crash or a full disk never leaves a half-written article in the archive.
 * For replacing a file this process has decided to replace (an update).
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates a new file whole, only if nothing is at its path: the content goes
 * to a temporary file, which is then hard-linked to the target. link() fails
 * with EEXIST when the target exists, so choosing a name and creating it is
 * one atomic step even when two processes pick the same name at once — one
 * wins, the other gets false and moves on. Readers never see a partial file.
 * Returns false when the target was taken; throws on any other failure.
 */
export async function createFileExclusive(file: string, content: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Temporary files older than this are orphans even when a process with their pid is alive (pids are reused). */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;
const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OrphanTemporary {
  /** Relative to the content folder. */
  file: string;
  reason: string;
}

/**
 * Finds (and unless `dryRun`, removes) temporary files an import left behind
 * when it was killed between writing and renaming: `.<name>.<pid>.<hex>.tmp`
 * in the content folder or a locale folder, whose process is gone or which
 * are older than an hour. Temporary files of imports still running are kept.
 */
export async function removeOrphanTemporaries(contentDir: string, options: { dryRun?: boolean; now?: number } = {}): Promise<OrphanTemporary[]> {
  const now = options.now ?? Date.now();
  const folders = [
    '.',
    ...(await readdir(contentDir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  ];
  const orphans: OrphanTemporary[] = [];
  for (const folder of folders) {
    for (const name of await readdir(path.join(contentDir, folder)).catch(() => [] as string[])) {
      const match = TEMPORARY_NAME.exec(name);
      if (!match) continue;
      const file = path.join(contentDir, folder, name);
      const info = await lstat(file).catch(() => null);
      if (!info?.isFile()) continue;
      const pid = Number(match[1]);
      const reason = !processIsAlive(pid) ? `process ${pid} is gone` : now - info.mtimeMs > ORPHAN_AGE_MS ? `older than an hour` : null;
      if (!reason) continue;
      if (!options.dryRun) await rm(file, { force: true });
      orphans.push({ file: path.join(folder, name), reason });
    }
  }
  return orphans;
}

import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

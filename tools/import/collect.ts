import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './errors.ts';

export interface SkippedEntry {
  file: string;
  reason: string;
}

/** Why an entry that is neither a regular file nor a folder is not imported. */
function nonRegularReason(entry: Dirent | Stats): string {
  if (entry.isSymbolicLink()) return 'is a symbolic link; links inside a folder are not followed (import the file it points to directly)';
  if (entry.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (entry.isSocket()) return 'is a socket, not a file';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

/**
 * The files to import: each file named, and every `.txt`, `.md`, `.markdown`,
 * `.html` and `.htm` regular file below
 * each folder named, sorted. Symbolic links, FIFOs, sockets and devices in a
 * folder are never opened (a FIFO would block forever) but returned as
 * skipped with a reason, so the summary counts them instead of hiding them.
 */
export async function collectFiles(inputs: readonly string[]): Promise<{ files: string[]; skipped: SkippedEntry[] }> {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  for (const input of inputs) {
    let info: Stats;
    try {
      info = await stat(input);
    } catch {
      throw new ImportError(input, 'does not exist.', 'Check the path.');
    }
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const inFolder: string[] = [];
      for (const entry of entries) {
        const file = path.join(entry.parentPath, entry.name);
        if (entry.isFile()) {
          if (/\.(?:txt|md|markdown|html?)$/i.test(entry.name)) inFolder.push(file);
        } else if (!entry.isDirectory()) {
          skipped.push({ file, reason: nonRegularReason(entry) });
        }
      }
      // One at a time: a folder can hold more files than a call takes arguments.
      for (const file of inFolder.sort()) files.push(file);
    } else if (info.isFile()) {
      files.push(input);
    } else {
      skipped.push({ file: input, reason: nonRegularReason(info) });
    }
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, skipped };
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Total bytes of a folder, recursively. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** Files Pagefind already compresses (index chunks, fragments, wasm) travel as they are. */
const ALREADY_COMPRESSED = /\.(pf_index|pf_fragment|pf_meta|pf_filter|pagefind|woff2?|png|jpe?g|webp|avif)$/;

/**
 * Bytes a file costs on the wire from a host that gzips text (every CDN
 * does): gzip level 9 for text, the raw size for what is compressed already.
 */
export function wireBytes(file: string): number {
  const body = readFileSync(file);
  return ALREADY_COMPRESSED.test(file) ? body.length : gzipSync(body, { level: 9 }).length;
}

/**
 * URL segment of a tag: the tag itself, in its own script (readers of an
 * Arabic archive read Arabic URLs), with runs of spaces and slashes as
 * hyphens so it stays one path segment.
 */
export function tagSegment(tag: string): string {
  return tag.trim().normalize('NFC').replace(/[\s/\\?#%]+/g, '-');
}

/** Path of a tag's page, e.g. ar/tags/قره-باغ/. */
export function tagPath(locale: string, tag: string): string {
  return `${locale}/tags/${tagSegment(tag)}/`;
}

import { tagSegment } from './tags.ts';

/** URL segment of an author's page: the same rule as a tag's (the name in its own script, spaces as hyphens). */
export function authorSegment(author: string): string {
  return tagSegment(author);
}

/** Path of an author's page, e.g. ar/authors/ليلى-حداد/. */
export function authorPath(locale: string, author: string): string {
  return `${locale}/authors/${authorSegment(author)}/`;
}

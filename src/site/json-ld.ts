import type { NewsArticle, WithContext } from 'schema-dts';

export interface NewsArticleFields {
  headline: string;
  description?: string;
  url: string;
  inLanguage: string;
  datePublished?: string;
  keywords?: string[];
  publisherName: string;
  isBasedOn?: string;
  translationOfWork?: string;
  /** The byline, and the author's page on this archive. */
  author?: { name: string; url: string };
  /** Absolute URL of the article's first photograph. */
  image?: string;
}

/** The schema.org NewsArticle of an article page; datePublished only when the article has a date. */
export function newsArticleJsonLd(fields: NewsArticleFields): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: fields.headline,
    ...(fields.description ? { description: fields.description } : {}),
    url: fields.url,
    mainEntityOfPage: fields.url,
    inLanguage: fields.inLanguage,
    ...(fields.datePublished ? { datePublished: fields.datePublished } : {}),
    ...(fields.keywords?.length ? { keywords: fields.keywords.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: fields.publisherName },
    ...(fields.isBasedOn ? { isBasedOn: fields.isBasedOn } : {}),
    ...(fields.translationOfWork ? { translationOfWork: { '@type': 'CreativeWork', url: fields.translationOfWork } } : {}),
    ...(fields.author ? { author: { '@type': 'Person', name: fields.author.name, url: fields.author.url } } : {}),
    ...(fields.image ? { image: fields.image } : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json"> block. `<` is escaped so
 * no text in an article can close the script element.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import path from 'node:path';
import { isValidSlug } from '../slug.ts';
import { ImportError } from '../errors.ts';
import { normalizeField } from '../normalize.ts';
import type { FrontBlock } from '../parse.ts';
import { safeLinkUrl } from '../../../src/article/safe-url.ts';
import { htmlToBlocks } from './html.ts';
import { REPEATED_TITLE_NOTE, type ReadArticle } from './read-article.ts';

/** What the export holds besides published posts, imported only when asked (--include). */
export type WordpressExtra = 'pages' | 'drafts';

export interface WordpressItem {
  /** `post 12`, for messages and the summary. */
  id: string;
  article?: ReadArticle;
  /** Why the item is not an article to import (an attachment, a page, a draft, a post without text). */
  skipped?: string;
  /** A problem that fails this item only. */
  error?: ImportError;
}

type XmlValue = string | number | boolean | XmlNode | XmlValue[] | undefined;
interface XmlNode {
  [key: string]: XmlValue;
}

/** Elements that appear more than once in an export, read as lists even when there is one. */
const REPEATED = new Set(['item', 'category', 'wp:author', 'wp:postmeta', 'wp:comment']);

/**
 * The XML parser's limits. A WordPress export has no DOCTYPE; one with entity
 * declarations is refused before parsing (entity expansion bombs). The parser
 * expands no entity at all: the five XML entities and numeric references
 * (`&#8217;`, which WordPress writes in titles) are decoded by `xmlText`, in
 * one pass, so `&amp;#8217;` stays the text `&#8217;`.
 */
const XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  // CDATA is kept apart: its content is taken as written, never entity-decoded (it is HTML, decoded by the HTML parser).
  cdataPropName: '__cdata',
  htmlEntities: false,
  maxNestedTags: 200,
  isArray: (name: string) => REPEATED.has(name),
};

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's own entities and numeric character references decoded; anything else (or a reference to a character XML forbids) left as written. */
export function xmlText(raw: string): string {
  return raw.replace(
    /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g,
    (whole, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (name) return XML_ENTITIES[name]!;
      const code = decimal ? Number(decimal) : parseInt(hex!, 16);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      return allowed ? String.fromCodePoint(code) : whole;
    },
  );
}

function text(value: XmlValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return xmlText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  const cdata = value.__cdata;
  const raw = cdata === undefined ? '' : (Array.isArray(cdata) ? cdata : [cdata]).map(String).join('');
  return `${text(value['#text'])}${raw}`;
}

function list(value: XmlValue): XmlNode[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (entry): entry is XmlNode => typeof entry === 'object' && entry !== null && !Array.isArray(entry),
  );
}

function meta(item: XmlNode, key: string): string | undefined {
  const entry = list(item['wp:postmeta']).find((candidate) => text(candidate['wp:meta_key']) === key);
  return entry ? text(entry['wp:meta_value']) : undefined;
}

/** An uploads URL (`https://site/wp-content/uploads/2024/05/a.jpg`) as a path inside the uploads folder (`2024/05/a.jpg`), for --media. */
export function uploadsPath(url: string): string {
  const match = /\/wp-content\/uploads\/(.+)$/.exec(url.replace(/[?#].*$/, ''));
  return match ? match[1]! : url;
}

/**
 * WordPress stores paragraphs as blank-line-separated text (its wpautop adds
 * the <p> tags when it shows a post), and captions as a [caption] shortcode.
 * Both are turned into the HTML WordPress would show; gallery, embed, audio,
 * video and playlist shortcodes, which show media from elsewhere, are removed.
 */
export function wordpressHtml(content: string): { html: string; removedShortcodes: number } {
  let removedShortcodes = 0;
  let html = content.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_, inner: string) => {
    const image = /(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner);
    if (!image) return inner;
    const caption = inner.replace(image[0], '').trim();
    return `<figure>${image[0]}<figcaption>${caption}</figcaption></figure>`;
  });
  html = html.replace(/\[(gallery|embed|audio|video|playlist)\b[^\]]*\](?:[\s\S]*?\[\/\1\])?/gi, () => {
    removedShortcodes++;
    return '';
  });
  if (!/<p[\s>]/i.test(html)) {
    html = html
      .split(/\n\s*\n/)
      .map((chunk) => chunk.trim())
      .filter(Boolean)
      .map((chunk) => (/^<(?:h[1-6]|ul|ol|blockquote|table|figure|div|pre)\b/i.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
      .join('\n');
  }
  return { html, removedShortcodes };
}

export interface WordpressReadOptions {
  include?: readonly WordpressExtra[];
}

/**
 * The WordPress reader: a WXR export (Tools → Export) as one article per
 * published post, with its title, date (wp:post_date), author (dc:creator,
 * shown by its wp:author display name), categories and tags (both become
 * tags), slug (wp:post_name when it is a readable ASCII slug), language (a
 * `language` taxonomy, as Polylang writes it, else detected per post), its
 * featured image (_thumbnail_id → the attachment's file) first, and its
 * content read like an HTML page. Uploads URLs become paths inside the
 * uploads folder, found through --media. Pages, drafts and attachments are
 * reported as skipped unless included.
 */
export function readWordpressExport(xml: string, file: string, options: WordpressReadOptions = {}): { items: WordpressItem[]; site?: string } {
  if (/<!DOCTYPE[\s\S]*?<!ENTITY/i.test(xml.slice(0, 100_000)) || /<!ENTITY/i.test(xml)) {
    throw new ImportError(
      file,
      'declares XML entities (<!ENTITY>), which a WordPress export never does and which can expand without bound.',
      'Export again from WordPress (Tools → Export).',
    );
  }
  // The parser is lenient about unclosed elements; a cut-short export must not import half its posts silently.
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new ImportError(
      file,
      `is not well-formed XML (${valid.err.msg}).`,
      'Export again from WordPress, or check that the file was not cut short.',
      valid.err.line,
    );
  }
  let document: XmlNode;
  try {
    document = new XMLParser(XML_OPTIONS).parse(xml) as XmlNode;
  } catch (error) {
    throw new ImportError(
      file,
      `is not well-formed XML (${(error as Error).message.split('\n')[0]}).`,
      'Export again from WordPress, or check that the file was not cut short.',
    );
  }
  const channel = list((document.rss as XmlNode | undefined)?.channel)[0];
  if (!channel)
    throw new ImportError(
      file,
      'is not a WordPress export: no <rss><channel>.',
      'Pass a WXR file from WordPress (Tools → Export), or --format for another format.',
    );
  const include = new Set(options.include ?? []);
  const items = list(channel.item);
  const authors = new Map(
    list(channel['wp:author']).map((author) => [text(author['wp:author_login']), text(author['wp:author_display_name']) || text(author['wp:author_login'])]),
  );
  const attachments = new Map(items.filter((item) => text(item['wp:post_type']) === 'attachment').map((item) => [text(item['wp:post_id']), item]));

  return {
    site: text(channel.link) || undefined,
    items: items.map((item): WordpressItem => {
      const postId = text(item['wp:post_id']);
      const type = text(item['wp:post_type']) || 'post';
      const status = text(item['wp:status']) || 'publish';
      const id = `${type} ${postId || '?'}`;
      if (type === 'attachment') return { id, skipped: 'an attachment (its file is imported with the post that shows it)' };
      if (type === 'page' && !include.has('pages')) return { id, skipped: 'a page (pass --include pages to import pages)' };
      if (type !== 'post' && type !== 'page') return { id, skipped: `a "${type}" item, not a post` };
      if (status !== 'publish' && !(include.has('drafts') && (status === 'draft' || status === 'pending' || status === 'private'))) {
        return {
          id,
          skipped: `${status === 'trash' ? 'in the trash' : `a ${status} post`}${status === 'trash' ? '' : ' (pass --include drafts to import it)'}`,
        };
      }
      const where = `${file} (${id})`;
      try {
        return { id, article: readPost(item, where, `${path.basename(file)}#${type}-${postId}`, authors, attachments) };
      } catch (error) {
        if (error instanceof ImportError) return { id, error };
        throw error;
      }
    }),
  };
}

function readPost(item: XmlNode, where: string, itemName: string, authors: Map<string, string>, attachments: Map<string, XmlNode>): ReadArticle {
  const warnings: string[] = [];
  const notes: string[] = [];
  const field = (value: string, name: string) => {
    const result = normalizeField(value.replace(/\s+/g, ' '), { file: where, field: name });
    warnings.push(...result.warnings);
    notes.push(...result.notes);
    return result.text;
  };
  const front: FrontBlock = {};
  const date = text(item['wp:post_date']).slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date !== '0000-00-00') front.date = field(date, 'wp:post_date');
  const login = text(item['dc:creator']);
  if (login) front.author = field(authors.get(login) ?? login, 'the author (dc:creator)');
  const slug = decodeURIComponent(text(item['wp:post_name']));
  if (isValidSlug(slug)) front.slug = slug;
  const link = safeLinkUrl(text(item.link));
  if (link?.startsWith('http')) front.source = field(link, "the post's <link>");
  const categories = list(item.category);
  const language = categories.find((category) => category['@domain'] === 'language');
  if (language) front.lang = field(text(language['@nicename']) || text(language), 'the language taxonomy');
  const tags = categories
    .filter((category) => category['@domain'] === 'category' || category['@domain'] === 'post_tag')
    .map((category) => field(text(category), `a category or tag`))
    .filter((tag) => tag && tag !== 'Uncategorized' && tag !== 'غير مصنف');
  if (tags.length) front.tags = [...new Set(tags)];

  const { html, removedShortcodes } = wordpressHtml(text(item['content:encoded']));
  if (removedShortcodes) warnings.push(`${removedShortcodes} gallery/embed/audio/video shortcode(s) removed: they show media from elsewhere`);
  const title = field(text(item.title), 'the post title');
  if (!title) throw new ImportError(where, 'has no title.', 'Give the post a title in WordPress and export again, or remove it from the export.');
  const body = htmlToBlocks(fromHtml(html, { fragment: true }), { knownTitle: title });
  warnings.push(...body.warnings);
  if (body.repeatedTitle) notes.push(REPEATED_TITLE_NOTE);
  const blocks = body.blocks.map((block) => (block.type === 'image' ? { ...block, src: uploadsPath(block.src) } : block));
  // The featured image comes first: it is the article's og:image and card image.
  const thumbnail = attachments.get(meta(item, '_thumbnail_id') ?? '');
  if (thumbnail) {
    const src = uploadsPath(text(thumbnail['wp:attachment_url']));
    if (src && !blocks.some((block) => block.type === 'image' && block.src === src)) {
      blocks.unshift({
        type: 'image',
        src,
        alt: meta(thumbnail, '_wp_attachment_image_alt') ?? '',
        caption: field(text(thumbnail['excerpt:encoded']), "the featured image's caption"),
      });
    }
  }
  if (!blocks.some((block) => block.type === 'paragraph'))
    throw new ImportError(where, 'has no paragraph of text.', 'Check the post in WordPress; a post of images only is not an article.');
  return { file: where, itemName, front, frontLines: {}, title, titleLine: 0, blocks, warnings, notes };
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import path from 'node:path';
import type { Root, RootContent } from 'hast';
import { isValidSlug } from '../slug.ts';
import { MAX_TAGS, nameKey, normalizeName, tagProblem } from '../../../src/article/index.ts';
import { blockImages, blockLines, mapImages } from '../model.ts';
import { ImportError } from '../errors.ts';
import { normalizeField } from '../normalize.ts';
import type { FrontBlock } from '../parse.ts';
import { safeLinkUrl } from '../../../src/article/safe-url.ts';
import { ARTICLE_SCHEMA, htmlToBlocks } from './html.ts';
import { unclosedDropWarnings } from './unclosed.ts';
import { REPEATED_TITLE_NOTE, type ReadArticle } from './read-article.ts';

/**
 * What the export holds besides published posts, imported only when asked
 * (--include): pages; drafts and pending posts; private posts;
 * password-protected posts; scheduled (future) posts. Each is a choice of
 * its own: a private or protected post was hidden from readers in WordPress,
 * and is public once in the archive.
 */
export const WORDPRESS_EXTRAS = ['pages', 'drafts', 'private', 'protected', 'future'] as const;
export type WordpressExtra = (typeof WORDPRESS_EXTRAS)[number];

export interface WordpressItem {
  /** `post 12`, for messages and the summary. */
  id: string;
  article?: ReadArticle;
  /** Why the item is not an article to import (an attachment, a page, a draft, a post without text). */
  skipped?: string;
  /** The line of its `<item>` in the export, for messages. */
  line?: number;
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

/**
 * An uploads URL as a path inside the uploads folder, for --media: a
 * self-hosted site's `https://site/wp-content/uploads/2024/05/a.jpg` and a
 * WordPress.com site's `https://site.files.wordpress.com/2024/05/a.jpg` are
 * both `2024/05/a.jpg`. Anything else is returned as it is.
 */
export function uploadsPath(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  const selfHosted = /\/wp-content\/uploads\/(.+)$/.exec(bare);
  if (selfHosted) return selfHosted[1]!;
  const hosted = /^(?:https?:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.files\.wordpress\.com\/(.+)$/i.exec(bare);
  return hosted ? hosted[1]! : url;
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
  /** The largest post accepted, in bytes of UTF-8 (title and content): the per-article limit every input is held to. */
  maxPostBytes?: number;
  /** What "future" is measured against (now, unless a test says otherwise). */
  now?: Date;
}

/** Markup outside CDATA sections and comments: where a DOCTYPE or entity declaration really is, and where each <item> starts. */
interface ExportMarkup {
  /** Offset of a `<!DOCTYPE` or `<!ENTITY` that is markup, not text inside CDATA or a comment. */
  declaration?: number;
  /** Offsets of the `<item>` start tags, in order. */
  items: number[];
}

function scanMarkup(xml: string): ExportMarkup {
  const items: number[] = [];
  let declaration: number | undefined;
  let at = xml.indexOf('<');
  while (at !== -1) {
    let next = at + 1;
    if (xml.startsWith('<![CDATA[', at)) next = xml.indexOf(']]>', at + 9);
    else if (xml.startsWith('<!--', at)) next = xml.indexOf('-->', at + 4);
    else if (xml.charCodeAt(at + 1) === 0x21 /* ! */) {
      const keyword = xml.slice(at + 2, at + 9).toUpperCase();
      if (declaration === undefined && (keyword === 'DOCTYPE' || keyword.startsWith('ENTITY'))) declaration = at;
    } else if (xml.startsWith('<item', at) && /[\s>]/.test(xml.charAt(at + 5))) items.push(at);
    if (next === -1) break;
    at = xml.indexOf('<', next);
  }
  return { declaration, items };
}

/** 1-based line of each offset (in increasing order). */
function linesOf(xml: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const offset of offsets) {
    for (let newline = xml.indexOf('\n', from); newline !== -1 && newline < offset; newline = xml.indexOf('\n', newline + 1)) line++;
    from = offset;
    lines.push(line);
  }
  return lines;
}

/** What the XML validator's message means, in plain words. */
function plainXmlProblem(message: string): string {
  const unclosed = /Unclosed tag '([^']+)'/i.exec(message)?.[1];
  if (unclosed) return `the element <${unclosed}> opened here is never closed`;
  const expected = /Expected closing tag '([^']+)' \(opened in line (\d+)[^)]*\) instead of closing tag '([^']+)'/i.exec(message);
  if (expected) return `</${expected[3]}> closes an element here, but <${expected[1]}> (opened at line ${expected[2]}) is still open`;
  const open = /^Invalid '\[([^\]]*)\]' found/i.exec(message)?.[1];
  if (open !== undefined) {
    const names = [...open.matchAll(/"([^"]+)"/g)].map((match) => `<${match[1]}>`);
    return `the file ends while ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} still open: it was cut short`;
  }
  const stray = /Closing tag '([^']+)' has not been opened/i.exec(message)?.[1];
  if (stray) return `</${stray}> closes an element that was never opened`;
  return message.replace(/\.$/, '');
}

/**
 * The WordPress reader: a WXR export (Tools → Export) as one article per
 * published post, with its title, date (wp:post_date), author (dc:creator,
 * shown by its wp:author display name), categories and tags (both become
 * tags), slug (wp:post_name when it is a readable ASCII slug), language (a
 * `language` taxonomy, as Polylang writes it, else detected per post), its
 * featured image (_thumbnail_id → the attachment's file) first, and its
 * content read like an HTML page. Uploads URLs become paths inside the
 * uploads folder, found through --media. Pages, drafts, private,
 * password-protected and scheduled posts and attachments are reported as
 * skipped unless included. `site` is the export's identity (its channel
 * <link>, else wp:base_site_url): the same post id on two sites is two posts.
 */
export function readWordpressExport(
  xml: string,
  file: string,
  options: WordpressReadOptions = {},
): { items: WordpressItem[]; site?: string; warnings: string[] } {
  const markup = scanMarkup(xml);
  if (markup.declaration !== undefined) {
    throw new ImportError(
      file,
      `declares XML entities or a DOCTYPE (at line ${linesOf(xml, [markup.declaration])[0]}), which a WordPress export never does and which can expand without bound.`,
      'Export again from WordPress (Tools → Export).',
    );
  }
  // The parser is lenient about unclosed elements; a cut-short export must not import half its posts silently.
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    // Elements left open at the end are reported by the validator at line 1: the line that matters is the file's last.
    const atEnd = /^Invalid '\[/.test(valid.err.msg);
    throw new ImportError(
      file,
      `is not well-formed XML (cut short or broken): ${plainXmlProblem(valid.err.msg)}.`,
      'Export again from WordPress, or check that the whole file was copied (a cut-short download ends mid-post).',
      atEnd ? xml.trimEnd().split('\n').length : valid.err.line,
    );
  }
  let document: XmlNode;
  try {
    document = new XMLParser(XML_OPTIONS).parse(xml) as XmlNode;
  } catch (error) {
    throw new ImportError(
      file,
      `is not well-formed XML (cut short or broken): ${plainXmlProblem((error as Error).message.split('\n')[0] ?? '')}.`,
      'Export again from WordPress, or check that the whole file was copied.',
    );
  }
  const channel = list((document.rss as XmlNode | undefined)?.channel)[0];
  if (!channel)
    throw new ImportError(
      file,
      'is not a WordPress export: no <rss><channel>.',
      'Pass a WXR file from WordPress (Tools → Export), or --format for another format.',
    );
  const items = list(channel.item);
  const warnings: string[] = [];
  const version = text(channel['wp:wxr_version']).trim();
  if (version && !/^\d+\.\d+$/.test(version)) {
    throw new ImportError(
      file,
      `has the WXR version "${version.slice(0, 40)}", which is not one WordPress writes (1.0, 1.1, 1.2…): it is not a WordPress export, or it was edited.`,
      'Export again from WordPress (Tools → Export).',
    );
  }
  if (!version) {
    if (!items.length)
      throw new ImportError(
        file,
        'has no WXR version (<wp:wxr_version>) and no <item>: it is not a WordPress export, or not a whole one.',
        'Export again from WordPress (Tools → Export), with "All content" chosen.',
      );
    warnings.push('the export has no WXR version (<wp:wxr_version>), which WordPress always writes; its items were read as a WordPress export');
  }
  const include = new Set(options.include ?? []);
  const now = options.now ?? new Date();
  const lines = markup.items.length === items.length ? linesOf(xml, markup.items) : [];
  const authors = new Map(
    list(channel['wp:author']).map((author) => [text(author['wp:author_login']), text(author['wp:author_display_name']) || text(author['wp:author_login'])]),
  );
  const attachments = new Map(items.filter((item) => text(item['wp:post_type']) === 'attachment').map((item) => [text(item['wp:post_id']), item]));
  const site = siteIdentity(channel) ?? path.resolve(file);

  return {
    site,
    warnings,
    items: items.map((item, index): WordpressItem => {
      const postId = text(item['wp:post_id']);
      const type = text(item['wp:post_type']) || 'post';
      const id = `${type} ${postId || '?'}`;
      const line = lines[index];
      const skipped = skipReason(item, type, include, now);
      if (skipped) return { id, line, skipped };
      const where = `${file} (${id})`;
      const title = text(item.title).replace(/\s+/g, ' ').trim();
      const named = `${title ? `«${title.slice(0, 80)}»` : 'the untitled post'}${line ? `, the <item> at line ${line}` : ''}`;
      try {
        const bytes = Buffer.byteLength(text(item['content:encoded'])) + Buffer.byteLength(title);
        const limit = options.maxPostBytes;
        if (limit !== undefined && bytes > limit) {
          throw new ImportError(
            where,
            `(${named}) is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${(limit / 1024 / 1024).toFixed(1)} MB limit of one article.`,
            'Split the post in WordPress, or raise the limit with --max-size <MB> if it really is one article.',
          );
        }
        const article = readPost(item, where, `${site}#${type}-${postId}`, authors, attachments, named, now);
        return typeof article === 'string' ? { id, line, skipped: article } : { id, line, article };
      } catch (error) {
        if (error instanceof ImportError) return { id, line, error };
        return { id, line, error: unreadable(where, named, error) };
      }
    }),
  };
}

/** Why an item is not imported, or undefined when it is; the advice names only an option that would import it. */
function skipReason(item: XmlNode, type: string, include: ReadonlySet<WordpressExtra>, now: Date): string | undefined {
  if (type === 'attachment') return 'an attachment (its file is imported with the post that shows it)';
  if (type === 'page' && !include.has('pages')) return 'a page (pass --include pages to import pages)';
  if (type !== 'post' && type !== 'page') return `a "${type}" item, not a post`;
  const status = text(item['wp:status']) || 'publish';
  const kind = type === 'page' ? 'page' : 'post';
  if (status === 'trash') return 'in the trash';
  if (status === 'draft' || status === 'pending') {
    if (!include.has('drafts')) return `a ${status} ${kind} (pass --include drafts to import it)`;
  } else if (status === 'private') {
    if (!include.has('private')) return `a private ${kind}, shown only to its site's editors (pass --include private to publish it)`;
  } else if (status === 'future') {
    if (!include.has('future'))
      return `a scheduled ${kind} (status future, for ${text(item['wp:post_date']) || 'a later date'}) (pass --include future to import it)`;
  } else if (status === 'publish') {
    const date = postDate(item);
    if (date && date > now && !include.has('future'))
      return `a future-dated ${kind} (published for ${text(item['wp:post_date'])}, after today) (pass --include future to import it)`;
  } else return `a ${kind} with the status "${status.slice(0, 40)}", which WordPress does not publish`;
  if (text(item['wp:post_password']) && !include.has('protected'))
    return `a password-protected ${kind}: only readers with its password could read it (pass --include protected to publish it to everyone)`;
  return undefined;
}

/** The post's date as a moment (wp:post_date_gmt, else wp:post_date read as UTC); none for WordPress's 0000-00-00. */
function postDate(item: XmlNode): Date | undefined {
  for (const field of ['wp:post_date_gmt', 'wp:post_date']) {
    const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text(item[field]));
    if (match && match[1] !== '0000') return new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  }
  return undefined;
}

/** The export's site, as recorded with each post: the channel <link> (else wp:base_site_url) without its scheme and last slash. */
export function siteIdentity(channel: XmlNode): string | undefined {
  for (const field of ['link', 'wp:base_blog_url', 'wp:base_site_url']) {
    const url = text(channel[field]).trim();
    const site = /^https?:\/\/([^\s]+?)\/*$/i.exec(url)?.[1];
    if (site) return site.toLowerCase();
  }
  return undefined;
}

/** An error that is not the importer's own (a stack overflow in a parser, a bad percent escape) as a message for that item alone, never a stack trace. */
function unreadable(where: string, named: string, error: unknown): ImportError {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ImportError(
      where,
      `(${named}) nests its HTML too deeply to read (elements inside elements, thousands of levels).`,
      'Simplify the post in WordPress (remove the nested <div>s, or paste it again as plain text) and export again.',
    );
  }
  return new ImportError(
    where,
    `(${named}) could not be read: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}.`.slice(0, 400),
    'Check the post in WordPress and export again, or remove it from the export; the other posts are imported.',
  );
}

/** HTML nested deeper than this is not an article's layout; deeper, the readers after this one would overflow the stack. */
export const MAX_HTML_DEPTH = 200;

function depthOf(root: Root): number {
  let deepest = 0;
  const stack: { node: Root | RootContent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

function readPost(
  item: XmlNode,
  where: string,
  itemName: string,
  authors: Map<string, string>,
  attachments: Map<string, XmlNode>,
  named: string,
  now: Date,
): ReadArticle | string {
  const warnings: string[] = [];
  const notes: string[] = [];
  const field = (value: string, name: string) => {
    const result = normalizeField(value.replace(/\s+/g, ' '), { file: where, field: name });
    warnings.push(...result.warnings);
    notes.push(...result.notes);
    return result.text;
  };
  const status = text(item['wp:status']);
  if (status === 'private') warnings.push('a private post in WordPress, published here because of --include private');
  if (text(item['wp:post_password'])) warnings.push('a password-protected post in WordPress, published here to everyone because of --include protected');
  if (status === 'future' || (postDate(item) ?? 0) > now) warnings.push('a scheduled post in WordPress, imported before its date because of --include future');
  const front: FrontBlock = {};
  const date = text(item['wp:post_date']).slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date !== '0000-00-00') front.date = field(date, 'wp:post_date');
  const login = text(item['dc:creator']);
  if (login) front.author = field(authors.get(login) ?? login, 'the author (dc:creator)');
  const postName = text(item['wp:post_name']);
  let slug = postName;
  try {
    slug = decodeURIComponent(postName);
  } catch {
    warnings.push(`its wp:post_name "${postName.slice(0, 80)}" is not valid percent-encoding; the slug is made from the title instead`);
    slug = '';
  }
  if (isValidSlug(slug)) front.slug = slug;
  const link = safeLinkUrl(text(item.link));
  if (link?.startsWith('http')) front.source = field(link, "the post's <link>");
  const categories = list(item.category);
  const language = categories.find((category) => category['@domain'] === 'language');
  if (language) front.lang = field(text(language['@nicename']) || text(language), 'the language taxonomy');
  // A category and a tag spelt alike but for case («Template», «template») are one tag page: the first spelling is kept.
  const tags = new Map<string, string>();
  for (const category of categories.filter((entry) => entry['@domain'] === 'category' || entry['@domain'] === 'post_tag')) {
    const kind = category['@domain'] === 'category' ? 'category' : 'tag';
    const tag = field(text(category), `the ${kind} «${text(category).slice(0, 80)}»`);
    if (!tag || tag === 'Uncategorized' || tag === 'غير مصنف') continue;
    const problem = tagProblem(tag);
    if (problem) {
      warnings.push(`the ${kind} «${tag}» ${problem}, which a tag of the archive may not: it is left off this post (rename it in WordPress to keep it)`);
      continue;
    }
    const key = nameKey(normalizeName(tag));
    if (!tags.has(key)) tags.set(key, tag);
  }
  // WordPress sets no limit; the archive does. Categories come first, as the export lists them, so the first ones are kept.
  const kept = [...tags.values()];
  if (kept.length > MAX_TAGS) {
    warnings.push(
      `the post has ${kept.length} categories and tags, over the limit of ${MAX_TAGS}: the first ${MAX_TAGS} are kept, and ${kept
        .slice(MAX_TAGS)
        .map((tag) => `«${tag}»`)
        .join(', ')} left off`,
    );
  }
  if (kept.length) front.tags = kept.slice(0, MAX_TAGS);

  const { html, removedShortcodes } = wordpressHtml(text(item['content:encoded']));
  if (removedShortcodes) warnings.push(`${removedShortcodes} gallery/embed/audio/video shortcode(s) removed: they show media from elsewhere`);
  const title = field(text(item.title), 'the post title');
  const tree = fromHtml(html, { fragment: true });
  if (depthOf(tree) > MAX_HTML_DEPTH) {
    throw new ImportError(
      where,
      `(${named}) nests its HTML more than ${MAX_HTML_DEPTH} levels deep (elements inside elements), which no article's layout needs.`,
      'Simplify the post in WordPress (remove the nested <div>s, or paste it again as plain text) and export again.',
    );
  }
  const body = htmlToBlocks(tree, { knownTitle: title });
  warnings.push(...unclosedDropWarnings(tree, html, ARTICLE_SCHEMA.strip ?? []), ...body.warnings);
  if (body.repeatedTitle) notes.push(REPEATED_TITLE_NOTE);
  const blocks = mapImages(body.blocks, uploadsPath);
  // The featured image comes first: it is the article's og:image and card image.
  const thumbnail = attachments.get(meta(item, '_thumbnail_id') ?? '');
  if (thumbnail) {
    const src = uploadsPath(text(thumbnail['wp:attachment_url']));
    if (src && !blockImages(blocks).some((block) => block.src === src)) {
      blocks.unshift({
        type: 'image',
        src,
        alt: meta(thumbnail, '_wp_attachment_image_alt') ?? '',
        caption: field(text(thumbnail['excerpt:encoded']), "the featured image's caption"),
      });
    }
  }
  if (!blockLines(blocks.filter((block) => block.type !== 'image')).some((line) => line.trim()))
    return 'a post without text (images, embeds or nothing: not an article to read)';
  if (!title) return 'a post without a title (an aside or status update; give it a title in WordPress to import it)';
  return { file: where, itemName, front, frontLines: {}, title, titleLine: 0, blocks, warnings, notes };
}

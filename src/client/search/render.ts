import type { PagefindResultData } from './pagefind-types.ts';
import { buildExcerpt, type ExcerptPart } from '../../search/excerpt.ts';
import { isKeyedWord } from '../../search/keying/registry.ts';
import { matchTier } from '../../search/relevance.ts';

/** Localized text and formats the client needs, passed from the page as JSON. */
export interface SearchMessages {
  searching: string;
  noResults: string;
  noResultsHint: string;
  resultCount: string;
  unavailable: string;
  /** A first search that covered only the newest parts of the index: {searched}, {total}, {since}. */
  coverage: string;
  /** The button that searches the older parts too: {total}. */
  searchAll: string;
  /** "No results for {query}. Results for {suggestion}: {count}" (did you mean). */
  showingFor: string;
  /** "No results for {query} here. Results in another language ({language}): {count}". */
  otherLanguage: string;
  /** Each locale's own name, by code. */
  languageNames: Record<string, string>;
  /** BCP 47 tag with the locale's digits, e.g. ar-u-nu-arab. */
  numberLocale: string;
}

const WORD_CORE = /[\p{L}\p{M}\p{N}]+/u;

/**
 * Copies Pagefind's excerpt into `target` keeping only text and <mark>. The
 * excerpt is HTML built from article text; parsing it in an inert <template>
 * and copying text nodes means nothing in an article can run here. A mark
 * covers the word's letters only (punctuation stays outside), and a lone
 * letter is never marked.
 */
export function appendExcerpt(target: HTMLElement, excerptHtml: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  const parts: ExcerptPart[] = [];
  for (const node of Array.from(template.content.childNodes)) {
    const text = node.textContent ?? '';
    const core = text.match(WORD_CORE);
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK' && core && [...core[0]].length > 1) {
      parts.push(
        { text: text.slice(0, core.index), marked: false },
        { text: core[0], marked: true },
        { text: text.slice(core.index! + core[0].length), marked: false },
      );
    } else {
      parts.push({ text, marked: false });
    }
  }
  appendParts(target, parts);
}

/** Writes excerpt parts as text nodes and <mark> elements. */
export function appendParts(target: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (!part.text) continue;
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      target.append(mark);
    } else {
      target.append(document.createTextNode(part.text));
    }
  }
}

/**
 * The excerpt of a result from its text: Arabic-script query words are
 * marked where the text holds a form of them (matchTier); other words where
 * Pagefind located its matches.
 */
export function resultExcerpt(data: PagefindResultData, words: readonly string[]): ExcerptPart[] {
  const arabic = words.filter(isKeyedWord);
  const located = new Set(data.locations ?? []);
  const others = words.length > arabic.length;
  return buildExcerpt(
    data.content,
    data.meta.title ?? '',
    (core, index) => arabic.some((word) => matchTier(core, word) !== undefined) || (others && located.has(index) && !isKeyedWord(core)),
  );
}

/** Adds ?highlight= so the article page can mark the words that matched. */
export function withHighlight(url: string, forms: string[]): string {
  if (forms.length === 0) return url;
  const [path, hash] = url.split('#');
  const separator = path!.includes('?') ? '&' : '?';
  return `${path}${separator}highlight=${encodeURIComponent(forms.join(' '))}${hash ? `#${hash}` : ''}`;
}

function formatDay(isoDay: string, numberLocale: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(numberLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** One result: title, date, excerpt with the matches marked, and up to three sections. */
export function renderResult(
  data: PagefindResultData,
  forms: string[],
  messages: SearchMessages,
  headingLevel: 2 | 3,
  words: readonly string[] = forms,
): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement(`h${headingLevel}`);
  heading.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = withHighlight(data.url, forms);
  link.dir = 'auto';
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);

  if (data.meta.date) {
    const time = document.createElement('time');
    time.className = 'search-result-date';
    time.dateTime = data.meta.date;
    time.textContent = formatDay(data.meta.date, messages.numberLocale);
    item.append(time);
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.dir = 'auto';
  appendParts(excerpt, resultExcerpt(data, words));
  item.append(excerpt);

  // Sections of the article (its subheadings) that matched, as Pagefind finds them.
  const sections = data.sub_results.filter((sub) => sub.url !== data.url && sub.url.includes('#')).slice(0, 3);
  if (sections.length) {
    const list = document.createElement('ul');
    list.className = 'search-result-sections';
    for (const section of sections) {
      const entry = document.createElement('li');
      const sectionLink = document.createElement('a');
      sectionLink.href = withHighlight(section.url, forms);
      sectionLink.dir = 'auto';
      sectionLink.textContent = section.title;
      const sectionExcerpt = document.createElement('p');
      sectionExcerpt.dir = 'auto';
      appendExcerpt(sectionExcerpt, section.excerpt);
      entry.append(sectionLink, sectionExcerpt);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

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
  /** While the older parts are merged into results already shown: {searched}, {total}. */
  loadingOlder: string;
  /** "No results for {query}. Results for {suggestion}: {count}" (did you mean). */
  showingFor: string;
  /** No page holds every word; the closest, without {missing}: {count}. */
  closest: string;
  /** Under a result that lacks some of the query's words: {missing}. */
  missingWords: string;
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
export function appendExcerpt(target: HTMLElement, excerptHtml: string, tagWords?: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  let parts: ExcerptPart[] = [];
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
  if (tagWords) parts = withoutTrailingTagWords(parts, tagWords);
  appendParts(target, parts);
}

/** Parts cut where the text they make would end in the article's tags (withoutTagWords). */
function withoutTrailingTagWords(parts: readonly ExcerptPart[], tagWords: string): ExcerptPart[] {
  const whole = parts.map((part) => part.text).join('');
  let keep = withoutTagWords(whole, tagWords).length;
  if (keep === whole.length) return [...parts];
  const kept: ExcerptPart[] = [];
  for (const part of parts) {
    if (keep <= 0) break;
    kept.push(part.text.length <= keep ? part : { text: part.text.slice(0, keep), marked: part.marked });
    keep -= part.text.length;
  }
  return kept;
}

/**
 * `text` without the article's tags where they end it. The tags are indexed
 * as words at the end of the page's text (SearchIndexFields.astro), so a
 * search finds them; but a reader should not see them as the article's last
 * sentence. `tagWords` is that same text, from the result's meta. A text that
 * a cut excerpt ends inside the tags loses the part of them it holds.
 */
export function withoutTagWords(text: string, tagWords: string | undefined): string {
  if (!tagWords) return text;
  const trimmed = text.trimEnd();
  const ending = `${tagWords}.`;
  // The shortest cut is the first tag, so the end of a sentence that only looks like a tag's start stays.
  const shortest = Math.max(1, tagWords.split(/\s/)[0]!.length);
  for (let length = ending.length; length >= shortest; length--) {
    if (trimmed.endsWith(ending.slice(0, length))) return trimmed.slice(0, trimmed.length - length).trimEnd();
  }
  return text;
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
    withoutTagWords(data.content, data.meta.tagwords),
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

interface CalendarDate {
  calendar: string;
  text: string;
}

/**
 * The result's date in every calendar its article's date line shows, as the
 * build wrote them (the `dateline` meta: JSON, checked here like any data);
 * undefined when the index has none.
 */
function datelineCalendars(meta: string | undefined): CalendarDate[] | undefined {
  if (!meta) return undefined;
  try {
    const parsed: unknown = JSON.parse(meta);
    if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
    const valid = parsed.every((entry) => typeof entry === 'object' && entry !== null && typeof entry.calendar === 'string' && typeof entry.text === 'string');
    return valid ? (parsed as CalendarDate[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The date line of a result, as a card's (DateLine.astro): the first calendar
 * in <time>, the others after it in parentheses.
 */
function resultDateline(isoDay: string, datelineMeta: string | undefined, numberLocale: string): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'dateline search-result-date';
  line.dir = 'auto';
  const [primary, ...others] = datelineCalendars(datelineMeta) ?? [{ calendar: 'gregory', text: formatDay(isoDay, numberLocale) }];
  const time = document.createElement('time');
  time.dateTime = isoDay;
  const first = document.createElement('span');
  first.className = `date-${primary!.calendar}`;
  first.textContent = primary!.text;
  time.append(first);
  line.append(time);
  for (const { calendar, text } of others) {
    const span = document.createElement('span');
    span.className = `date-${calendar}`;
    // Parentheses, not a middle dot: between Arabic-Indic numerals a dot reads as the digit zero.
    span.textContent = ` (${text})`;
    line.append(span);
  }
  return line;
}

/** One result: title, date, excerpt with the matches marked, and up to three sections. */
export function renderResult(
  data: PagefindResultData,
  forms: string[],
  messages: SearchMessages,
  headingLevel: 2 | 3,
  words: readonly string[] = forms,
  missing: readonly string[] = [],
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

  if (data.meta.date) item.append(resultDateline(data.meta.date, data.meta.dateline, messages.numberLocale));

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.dir = 'auto';
  appendParts(excerpt, resultExcerpt(data, words));
  item.append(excerpt);

  // A closest match, not a full one: said under the result, which words it lacks.
  if (missing.length) {
    const lacking = document.createElement('p');
    lacking.className = 'search-result-missing';
    lacking.dir = 'auto';
    lacking.textContent = fill(messages.missingWords, { missing: missing.join(' ') });
    item.append(lacking);
  }

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
      appendExcerpt(sectionExcerpt, section.excerpt, data.meta.tagwords);
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

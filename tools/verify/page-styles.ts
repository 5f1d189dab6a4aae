import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import postcss, { type AtRule, type Rule } from 'postcss';

/** A rule of a stylesheet that takes text away from a reader, or shows text the page does not hold. */
export interface HidingRule {
  /** As written. */
  selector: string;
  /** Each selector of the list as matched against the page (see matchedSelector). */
  matched: string[];
  /** The declarations that hide or replace, as written. */
  declarations: string;
  /** The stylesheet, for the report. */
  source: string;
}

const ZERO = /^[-+]?0*\.?0+(?:[a-z%]+)?$/i;

/**
 * Whether one declaration hides what it applies to or writes text of its own:
 * removed from the layout or made invisible, clipped, shrunk to nothing, made
 * transparent, pushed off the edge, its letters reordered, or text put in by
 * `content`. Not exhaustive (a colour matching the background, an overlay):
 * these are the ways a page is tampered with that a diff of its text misses.
 */
export function hidesText(property: string, rawValue: string): boolean {
  const value = rawValue
    .replace(/\s*!important\s*$/i, '')
    .trim()
    .toLowerCase();
  switch (property.toLowerCase()) {
    case 'display':
      return value === 'none' || value === 'contents';
    case 'visibility':
      return value === 'hidden' || value === 'collapse';
    case 'content-visibility':
      return value === 'hidden';
    case 'opacity':
      return Number.parseFloat(value) < 0.1 || (value.endsWith('%') && Number.parseFloat(value) < 10);
    case 'font-size':
    case 'height':
    case 'max-height':
    case 'width':
    case 'max-width':
    case 'line-height':
      return ZERO.test(value);
    case 'color':
    case '-webkit-text-fill-color':
      return value === 'transparent' || /^(?:rgba?|hsla?)\(.*[,/]\s*0*\.?0+%?\s*\)$/.test(value);
    case 'clip':
    case 'clip-path':
      return value !== 'auto' && value !== 'none';
    case 'transform':
    case 'scale':
      return /scale[xy]?\(\s*0*\.?0+\s*[,)]/.test(value) || (property === 'scale' && ZERO.test(value));
    case 'text-indent':
      return /^-?\d{3,}/.test(value) || /^-\d+(?:\.\d+)?(?:em|rem|vw|%)$/.test(value);
    case 'unicode-bidi':
      return value === 'bidi-override';
    case 'content':
      return value !== 'none' && value !== 'normal' && value !== '""' && value !== "''";
    default:
      return false;
  }
}

/** Inside `@media print` (or another medium a reader does not read on screen): not what a reader sees on the page. */
function onlyOffScreen(rule: Rule): boolean {
  for (let parent = rule.parent; parent && parent.type !== 'root'; parent = parent.parent) {
    if (parent.type !== 'atrule') continue;
    const at = parent as AtRule;
    if (at.name === 'keyframes' || at.name.endsWith('-keyframes') || at.name === 'font-face') return true;
    if (at.name === 'media' && /^\s*(?:only\s+)?(?:print|speech)\b/i.test(at.params)) return true;
  }
  return false;
}

/** The rules of a stylesheet that hide or replace text, for `articleHiddenBy`. */
export function hidingRules(css: string, source: string): HidingRule[] {
  const rules: HidingRule[] = [];
  const root = postcss.parse(css);
  // A stylesheet it brings in is not read here, so verify cannot say what that hides: the site's own are bundled whole.
  root.walkAtRules('import', (rule) => {
    rules.push({ selector: `@import ${rule.params}`, matched: [':root'], declarations: 'rules verify does not read', source });
  });
  root.walkRules((rule) => {
    if (onlyOffScreen(rule)) return;
    const declarations = (rule.nodes ?? []).filter((node) => node.type === 'decl' && hidesText(node.prop, node.value));
    const matched = rule.selectors.map(matchedSelector).filter((selector): selector is string => selector !== null);
    if (declarations.length && matched.length) rules.push({ selector: rule.selector, matched, declarations: declarations.map(String).join('; '), source });
  });
  return rules;
}

/** Pseudo-elements that show the text of the element they follow (or text of their own): the element is what is matched. */
const TEXT_PSEUDO_ELEMENT = /::?(?:before|after|first-line|first-letter)(?![\w-])/gi;
/** Any other pseudo-element (a scrollbar, a list marker, a selection): it holds no text of the article. */
const OTHER_PSEUDO_ELEMENT = /::[\w-]+/;
/** What a reader does (hovers, focuses, follows a link to): for matching, taken as done. */
const READER_STATE = /:(?:hover|focus|focus-visible|focus-within|active|visited|link|any-link|target)(?![\w-])/gi;

/** A selector as matched against the page's elements, or null when what it styles holds no text. */
function matchedSelector(selector: string): string | null {
  const element = selector.replace(TEXT_PSEUDO_ELEMENT, '');
  if (OTHER_PSEUDO_ELEMENT.test(element)) return null;
  const matched = element.replace(READER_STATE, '').trim();
  return matched === '' || /[>+~]$/.test(matched) ? `${matched}*` : matched;
}

/**
 * What on the page hides the article's title or body from a reader, or shows
 * text in it the page does not hold: each rule whose selector matches the
 * title or the body, an element inside them, or one around them. A rule
 * this cannot evaluate is reported too: verify cannot say what it hides.
 */
export function articleHiddenBy(html: string, rules: readonly HidingRule[]): string[] {
  if (!rules.length) return [];
  const tree: Root = fromHtml(html);
  const article = new Set<Nodes>();
  const around = new Set<Nodes>();
  const walk = (node: Nodes, ancestors: Nodes[]): void => {
    if (node.type === 'element' && ('dataArticleTitle' in node.properties || 'dataArticleBody' in node.properties)) {
      for (const ancestor of ancestors) around.add(ancestor);
      for (const inner of selectAll('*', node)) article.add(inner);
      article.add(node);
    }
    if ('children' in node) for (const child of node.children) walk(child, [...ancestors, node]);
  };
  walk(tree, []);
  if (!article.size) return [];
  const found: string[] = [];
  for (const rule of rules) {
    let matched: Element[];
    try {
      matched = rule.matched.flatMap((selector) => selectAll(selector, tree));
    } catch {
      found.push(`${rule.selector} { ${rule.declarations} } in ${rule.source}, a rule verify cannot evaluate`);
      continue;
    }
    if (matched.some((element) => article.has(element) || around.has(element))) found.push(`${rule.selector} { ${rule.declarations} } in ${rule.source}`);
  }
  return found;
}

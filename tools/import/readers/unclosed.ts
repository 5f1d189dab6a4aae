import type { Element, Root } from 'hast';

/** Elements whose content HTML's parser reads as text up to their end tag, and a browser never shows as the page's. */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

/**
 * The warnings for elements the reader drops with their content that were
 * never closed. HTML's parser lets such an element run on to the end of its
 * parent (an unclosed `<style>` or `<iframe>` to the end of the page, as its
 * own text), so the text after it goes with it. The author meant that text
 * as the article's, so its loss is said, not silent.
 */
export function unclosedDropWarnings(tree: Root | Element, source: string, dropped: readonly string[]): string[] {
  const warnings: string[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (dropped.includes(child.tagName) && unclosed(child, source)) {
        const shown = RAW_TEXT.has(child.tagName) ? ' (a browser shows none of it either)' : '';
        warnings.push(
          `an unclosed <${child.tagName}> (line ${child.position?.start.line ?? '?'}) takes the text after it, which is dropped with it${shown}: close it in the source to keep that text`,
        );
        continue;
      }
      walk(child);
    }
  };
  walk(tree);
  return warnings;
}

/** True when the element's source does not end with its end tag (parsed from the source given, so positions are known). */
function unclosed(element: Element, source: string): boolean {
  const end = element.position?.end.offset;
  if (end === undefined) return false;
  return !new RegExp(`</${element.tagName}\\s*>$`, 'i').test(source.slice(Math.max(0, end - element.tagName.length - 16), end));
}

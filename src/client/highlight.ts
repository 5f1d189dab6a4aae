/**
 * Marks, on an article, the words a search matched: the search result links
 * carry them as ?highlight=word1+word2 (the archive's own written forms, so
 * an exact match on whole words is enough). Only text nodes of the article
 * body are touched, and only by wrapping text in <mark>: nothing is parsed.
 */
export function highlightSearchTerms(): void {
  const terms = new URLSearchParams(location.search).get('highlight')?.split(/\s+/).filter(Boolean) ?? [];
  const body = document.querySelector<HTMLElement>('[data-article-body]');
  if (!body || terms.length === 0) return;
  // Compared without marks and tatweel, as the index compares them.
  const fold = (word: string) =>
    word
      .normalize('NFC')
      .replace(/[\p{M}\u0640]/gu, '')
      .toLocaleLowerCase();
  const wanted = new Set(terms.map(fold));
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of textNodes) {
    const text = node.data;
    const pieces = text.split(/([\p{L}\p{M}\p{N}]+)/u);
    if (!pieces.some((piece) => wanted.has(fold(piece)))) continue;
    const fragment = document.createDocumentFragment();
    for (const piece of pieces) {
      if (wanted.has(fold(piece))) {
        const mark = document.createElement('mark');
        mark.className = 'search-highlight';
        mark.textContent = piece;
        fragment.append(mark);
        first ??= mark;
      } else if (piece) {
        fragment.append(piece);
      }
    }
    node.replaceWith(fragment);
  }
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}

/** An article's source as shown: its text, and the address to link when it is an http(s) URL (nothing else is linked). */
export function sourceLink(source: string): { text: string; href?: string } {
  const text = source.trim();
  if (!/^https?:\/\//i.test(text)) return { text };
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { text, href: url.href } : { text };
  } catch {
    return { text };
  }
}

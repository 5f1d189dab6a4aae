/** Schemes a link in an article may use: the web and e-mail. Everything else (javascript:, data:, vbscript:, file:…) is dropped. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link's URL when it is safe to put in front of readers, else null.
 * Only absolute http(s) and mailto URLs pass: a relative link would point
 * into this archive at a page that does not exist. Browsers ignore tabs,
 * newlines and leading control characters in URLs (`java\tscript:`), so the
 * scheme is read as a browser reads it.
 */
export function safeLinkUrl(raw: string): string | null {
  // What a browser strips before reading the scheme: tabs and line breaks anywhere, controls and spaces at the ends.
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return null;
  return parsed.href;
}

/** True when an image reference names something on the network or inline data, not a local file. */
export function isRemoteOrInline(raw: string): boolean {
  return /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw);
}

/** The site's base with a trailing slash: the index and the vocabulary live under it, outside the bundle. */
export const siteBase = import.meta.env.BASE_URL.replace(/\/?$/, '/');

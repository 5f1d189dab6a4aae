/** What the archive-wide rules need of an entry. */
export interface ArchiveEntry {
  id: string;
  filePath?: string;
  data: { tags?: string[]; translationKey?: string; author?: string };
}

/**
 * Rules no single file can check. Names are not among them: two spellings of
 * one author or tag are one name (src/article/names.ts), never a conflict.
 * What is left is two articles of one locale claiming the same translation
 * (the second would take over the first's hreflang and language switcher).
 * Returns one message per problem, naming the files.
 */
export function checkArchiveRules(entries: Iterable<ArchiveEntry>): string[] {
  const problems: string[] = [];
  const translationOwners = new Map<string, string>();
  for (const entry of entries) {
    const file = entry.filePath ?? entry.id;
    const locale = entry.id.slice(0, entry.id.indexOf('/'));
    const translationKey = entry.data.translationKey;
    if (translationKey) {
      const key = `${locale} ${translationKey}`;
      const owner = translationOwners.get(key);
      if (owner) problems.push(`${file}: claims to be the ${locale} version of ${translationKey}, which ${owner} already is. Keep one; remove or change translationKey in the other.`);
      else translationOwners.set(key, file);
    }
  }
  return problems;
}

/**
 * For every article page that has translations, the pages of its group
 * (`ar/articles/<slug>/` → [{ locale, path }…]): the sitemap's hreflang
 * alternates. Articles without a translation are left out.
 */
export function translationGroupsByPage(entries: Iterable<ArchiveEntry>): Map<string, { locale: string; path: string }[]> {
  const groups = new Map<string, { locale: string; path: string }[]>();
  for (const entry of entries) {
    const key = entry.data.translationKey;
    if (!key) continue;
    const slash = entry.id.indexOf('/');
    const member = { locale: entry.id.slice(0, slash), path: `${entry.id.slice(0, slash)}/articles/${entry.id.slice(slash + 1)}/` };
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  const byPage = new Map<string, { locale: string; path: string }[]>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const member of members) byPage.set(member.path, members);
  }
  return byPage;
}

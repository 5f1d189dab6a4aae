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
      if (owner)
        problems.push(
          `${file}: claims to be the ${locale} version of ${translationKey}, which ${owner} already is. Keep one; remove or change translationKey in the other.`,
        );
      else translationOwners.set(key, file);
    }
  }
  return problems;
}

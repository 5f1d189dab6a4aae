/**
 * Foreign names written in Arabic letters two ways: g as غ, ج, ق or ك
 * (شفاينشتايغر / شفاينشتايجر, هونغ / هونج, غوغل / جوجل), v as ف or ڤ, p as ب
 * or پ, long vowels written or left out (يوتيوب / يوتوب, رافائيل / رافايل),
 * a letter doubled or not. Compared on spelling forms (spelling.ts: folded,
 * the lone hamza dropped), where ئ and ي are already one letter.
 */

// Letters one foreign sound is written with; a swap among them is a variant.
const SOUND_GROUPS: readonly string[] = ['غجقكگ', 'فڤ', 'بپ', 'تط', 'سص', 'زذ'];
const GROUP_OF = new Map<string, number>();
SOUND_GROUPS.forEach((group, index) => {
  for (const letter of group) GROUP_OF.set(letter, index);
});

/** Long vowels a transliteration writes or leaves out. */
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);

/** The cost of one variant step; anything that is not one costs a whole letter. */
export const VARIANT_STEP = 0.25;

/** Substitution cost: a variant step within a sound group, a letter otherwise. */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  const group = GROUP_OF.get(a);
  return group !== undefined && group === GROUP_OF.get(b) ? VARIANT_STEP : 1;
}

/** Insertion or deletion cost of `letter` beside `neighbour`: a long vowel or a doubled letter is a variant step. */
function indel(letter: string, neighbour: string | undefined, other: string | undefined): number {
  return LONG_VOWELS.has(letter) || letter === neighbour || letter === other ? VARIANT_STEP : 1;
}

/** Weighted edit distance where the steps above cost VARIANT_STEP and any other edit costs 1. */
export function transliterationDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = Array.from({ length: x.length + 1 }, () => Array.from({ length: y.length + 1 }, () => 0));
  for (let i = 1; i <= x.length; i++) rows[i]![0] = rows[i - 1]![0]! + indel(x[i - 1]!, x[i - 2], x[i]);
  for (let j = 1; j <= y.length; j++) rows[0]![j] = rows[0]![j - 1]! + indel(y[j - 1]!, y[j - 2], y[j]);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      rows[i]![j] = Math.min(
        rows[i - 1]![j]! + indel(x[i - 1]!, x[i - 2], x[i]),
        rows[i]![j - 1]! + indel(y[j - 1]!, y[j - 2], y[j]),
        rows[i - 1]![j - 1]! + substitution(x[i - 1]!, y[j - 1]!),
      );
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The most a word of this many letters may differ from another and still be
 * its variant: two steps (غوغل / جوجل), one under four letters.
 */
export function maxTransliterationDistance(length: number): number {
  return length >= 4 ? 2 * VARIANT_STEP : VARIANT_STEP;
}

/** True when `b` is `a` transliterated another way (not the same spelling). */
export function isTransliterationVariant(a: string, b: string): boolean {
  if (a === b) return false;
  return transliterationDistance(a, b) <= maxTransliterationDistance(Math.min([...a].length, [...b].length));
}

/**
 * The keys of a vocabulary shard that are other transliterations of `key`
 * (a folded word without its proclitics), closest first: the shard a word's
 * own key is in holds every key with its first two letters, so a name's
 * other spellings that begin the same way cost no other file.
 */
export function transliterationVariantsIn(key: string, keys: Iterable<string>, limit = 4): string[] {
  const length = [...key].length;
  const found: { key: string; distance: number }[] = [];
  for (const candidate of keys) {
    if (Math.abs([...candidate].length - length) > 2 || candidate === key) continue;
    const distance = transliterationDistance(key, candidate);
    if (distance <= maxTransliterationDistance(Math.min(length, [...candidate].length))) found.push({ key: candidate, distance });
  }
  return found
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map(({ key: variant }) => variant);
}

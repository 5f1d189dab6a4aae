import prototypes from 'unhomoglyph/data.json' with { type: 'json' };

/**
 * Look-alike letters of another script inside one word («Аli», with a
 * Cyrillic «А»): a name typed, pasted or forged to read as another. Unicode's
 * confusables data (UTS #39, confusables.txt, as the `unhomoglyph` package
 * ships it) gives each such letter its prototype; a word of letters from two
 * scripts has its stray letters replaced by their prototypes in the script
 * the name is mostly written in. Words written wholly in one script are never
 * touched, so «Ivan Иванов» and «علي Ali» stay two scripts, as written.
 */

const PROTOTYPES = prototypes as Record<string, string>;

/** Scripts names are written in; a letter of any other counts as its own. */
const SCRIPTS = [
  'Latin',
  'Arabic',
  'Cyrillic',
  'Greek',
  'Hebrew',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Ethiopic',
  'Coptic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((script) => ({ script, test: new RegExp(`^\\p{Script=${script}}$`, 'u') }));

function scriptOf(letter: string): string {
  return SCRIPT_TESTS.find(({ test }) => test.test(letter))?.script ?? 'Other';
}

export interface ConfusableLetter {
  letter: string;
  /** `U+0410`. */
  codePoint: string;
  script: string;
  /** What it was read as: its prototype in the name's main script. */
  as: string;
  asScript: string;
}

export interface FoldedName {
  /** The name with each stray look-alike replaced by its prototype. */
  folded: string;
  /** The letters replaced, in order (none for nearly every name). */
  replaced: ConfusableLetter[];
}

const LETTERS = /\p{L}/gu;
const WORD = /[\p{L}\p{M}]+/gu;

/** Per script, a test that every letter of a name is in it. */
const ONLY_SCRIPT = new Map(SCRIPTS.map((script) => [script as string, new RegExp(`^[\\p{Script=${script}}\\P{L}]*$`, 'u')]));

/** Letters of one script only: nothing to fold (the case for nearly every name, checked with one test: the build keys every name of every article). */
function oneScript(name: string): boolean {
  const first = /\p{L}/u.exec(name)?.[0];
  if (!first) return true;
  return ONLY_SCRIPT.get(scriptOf(first))?.test(name) ?? false;
}

/**
 * Folds look-alikes of another script inside a word into the name's main
 * script (the one most of its letters are in, among the word's own scripts).
 * A letter is replaced only when its whole prototype is in that script.
 */
export function foldConfusables(name: string): FoldedName {
  if (oneScript(name)) return { folded: name, replaced: [] };
  const counts = new Map<string, number>();
  for (const [letter] of name.matchAll(LETTERS)) counts.set(scriptOf(letter), (counts.get(scriptOf(letter)) ?? 0) + 1);
  const rank = (script: string) => counts.get(script) ?? 0;
  const replaced: ConfusableLetter[] = [];
  const folded = name.replace(WORD, (word) => {
    const letters = [...word].filter((char) => /\p{L}/u.test(char));
    const scripts = [...new Set(letters.map(scriptOf))];
    if (scripts.length < 2) return word;
    // The word's main script is the name's: ties go to the earlier script in the name, so every build agrees.
    const main = scripts.reduce((best, script) => (rank(script) > rank(best) ? script : best));
    return [...word]
      .map((char) => {
        if (!/\p{L}/u.test(char)) return char;
        const script = scriptOf(char);
        if (script === main) return char;
        const prototype = PROTOTYPES[char];
        if (!prototype || ![...prototype].every((part) => !/\p{L}/u.test(part) || scriptOf(part) === main)) return char;
        replaced.push({
          letter: char,
          codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
          script,
          as: prototype,
          asScript: main,
        });
        return prototype;
      })
      .join('');
  });
  return { folded, replaced };
}

export interface DetectedLanguage {
  /** BCP 47 code, or null when the text has no letters to go by. */
  code: string | null;
  /** The evidence, for the warning shown with a guess. */
  reason: string;
}

const SCRIPT_PATTERNS = {
  arabic: /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu,
  hebrew: /[\u0590-\u05FF\uFB1D-\uFB4F]/gu,
  latin: /[A-Za-z\u00C0-\u024F]/gu,
} as const;

/**
 * Letters only Persian (and Urdu) write: پ چ ژ گ. Not ی and ک: Arabic typed
 * on a Persian keyboard has them for ي/ى and ك («إلی», «هدی», «کتاب»).
 */
const PERSIAN_LETTERS = /[پچژگ]/u;
/** Letters only Urdu writes: ٹ ڈ ڑ ں ے ۓ ۃ. */
const URDU_LETTERS = /[ٹڈڑںےۓۃ]/u;
/** ہ and ھ: Urdu's, but also what some keyboards type for Arabic ه — evidence only beside stronger signs. */
const URDU_SUPPORTING_LETTERS = /[ہھ]/u;
/** The Arabic letters Persian and Urdu do not write: taa marbuta (ة) — a word ending with it is Arabic. */
const ARABIC_LETTERS = /ة/u;

/**
 * The shared letters written one way, so a word matches its list whatever
 * the keyboard: ي and ى as ی, ك as ک; vowel marks and tatweel dropped.
 */
function foldWord(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک');
}

const words = (list: string) => new Set(list.split(' ').map(foldWord));

/**
 * Function words — frequent in any text of the language, rare or absent in
 * the other two — compared after foldWord. Left out on purpose: words the
 * languages share (Persian من "I" is Arabic من "from", ما "we" is ما, کرد
 * "did" is كرد "Kurds"), and Persian words Arabic writes when it drops a
 * hamza or writes ة as ه (اما, شده).
 */
const ARABIC_WORDS = words('في على إلى عن أن إن التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن أو ثم حتى كما منذ مع حيث لقد وفي وقد وأن');
const PERSIAN_WORDS = words('است این را که می نمی های ها برای از در با یک آن شد بود خود نیز تا شود همچنین');
/** Urdu's, without ہ/ھ (those are counted as supporting letters) and without words whose Urdu letters already mark them. */
const URDU_WORDS = words('کے کی کا کو میں اور سے نے ہے ہیں یہ وہ تھا تھی پر');

/**
 * How many words of an Arabic-script text read as Arabic, Persian and Urdu:
 * a word is Urdu by an Urdu-only letter or an Urdu function word; else
 * Persian by a Persian-only letter or function word; else Arabic by an
 * Arabic function word, the article ال or taa marbuta. Words separate on
 * anything that is not a letter or a mark (ZWNJ too: «می‌خواهد» holds «می»).
 */
function wordEvidence(text: string): { arabic: number; persian: number; urdu: number; urduSupporting: number } {
  const counts = { arabic: 0, persian: 0, urdu: 0, urduSupporting: 0 };
  for (const raw of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const word = foldWord(raw);
    if (!/[\u0600-\u06FF]/u.test(word)) continue;
    if (URDU_LETTERS.test(word) || URDU_WORDS.has(word)) counts.urdu++;
    else if (PERSIAN_LETTERS.test(word) || PERSIAN_WORDS.has(word)) counts.persian++;
    else if (ARABIC_WORDS.has(word) || ARABIC_LETTERS.test(word) || (word.startsWith('ال') && word.length > 3)) counts.arabic++;
    if (URDU_SUPPORTING_LETTERS.test(word)) counts.urduSupporting++;
  }
  return counts;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** A guess needs this many words of its language at least: a name or two borrowed from it is not enough. */
const MIN_EVIDENCE = 3;

/**
 * Guesses the language from the script most of the letters are in: Hebrew
 * script is Hebrew, Latin is English, Arabic script is Arabic unless more of
 * its words read as Urdu or as Persian (by letters only they write, and
 * their function words) than as Arabic.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const counts = {
    arabic: count(text, SCRIPT_PATTERNS.arabic),
    hebrew: count(text, SCRIPT_PATTERNS.hebrew),
    latin: count(text, SCRIPT_PATTERNS.latin),
  };
  const total = counts.arabic + counts.hebrew + counts.latin;
  if (total === 0) return { code: null, reason: 'the text has no Arabic, Hebrew or Latin letters' };
  const [script] = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  const share = `${Math.round((counts[script] / total) * 100)}% of letters`;
  if (script === 'hebrew') return { code: 'he', reason: `Hebrew script (${share})` };
  if (script === 'latin') return { code: 'en', reason: `Latin script (${share})` };
  const evidence = wordEvidence(text);
  // ہ and ھ count for Urdu only where letters or words only Urdu has already speak for it.
  const urdu = evidence.urdu + (evidence.urdu > 0 ? evidence.urduSupporting / 2 : 0);
  const against = (language: number, ...others: string[]) => `${language} word(s) against ${others.join(' and ')}`;
  if (evidence.urdu >= MIN_EVIDENCE && urdu > evidence.persian && urdu > evidence.arabic) {
    return {
      code: 'ur',
      reason: `Arabic script with Urdu letters and words (${against(evidence.urdu, `${evidence.persian} Persian`, `${evidence.arabic} Arabic`)})`,
    };
  }
  if (evidence.persian >= MIN_EVIDENCE && evidence.persian > evidence.arabic && evidence.persian >= urdu) {
    return {
      code: 'fa',
      reason: `Arabic script with Persian letters and words (${against(evidence.persian, `${evidence.arabic} Arabic`, `${evidence.urdu} Urdu`)})`,
    };
  }
  return { code: 'ar', reason: `Arabic script (${share})` };
}

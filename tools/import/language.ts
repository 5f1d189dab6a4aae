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

// Letters Arabic does not use: Persian پ چ ژ گ ی ک, Urdu ٹ ڈ ڑ ں ہ ے ۓ ھ.
const PERSIAN_LETTERS = /[پچژگیک]/gu;
const URDU_LETTERS = /[ٹڈڑںہےۓ]/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Guesses the language from the script most of the letters are in: Arabic
 * script is Arabic unless letters only Urdu or Persian use say otherwise,
 * Hebrew script is Hebrew, Latin is English.
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
  const urdu = count(text, URDU_LETTERS);
  const persian = count(text, PERSIAN_LETTERS);
  // A few such letters can be a borrowed name; require them to be frequent.
  const threshold = Math.max(3, counts.arabic * 0.005);
  if (urdu >= threshold && urdu >= persian) return { code: 'ur', reason: `Arabic script with ${urdu} Urdu-only letters` };
  if (persian >= threshold) return { code: 'fa', reason: `Arabic script with ${persian} Persian-only letters` };
  return { code: 'ar', reason: `Arabic script (${share})` };
}

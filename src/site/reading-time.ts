import { numberFormat } from '../i18n/formats.ts';
/** Words a minute an adult reads silently; Arabic script is read a little slower. */
const WORDS_PER_MINUTE: Record<string, number> = { ar: 180, fa: 180, ur: 180, he: 200 };
const DEFAULT_WORDS_PER_MINUTE = 230;

/** Whole minutes to read a text, at least one. */
export function readingMinutes(text: string, language: string): number {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / (WORDS_PER_MINUTE[language] ?? DEFAULT_WORDS_PER_MINUTE)));
}

/** "٣ دقائق", "1 minute": Intl handles the plural forms and the digits. */
export function formatMinutes(minutes: number, numberLocale: string): string {
  return numberFormat(numberLocale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

import { logNormal, pick, randomInt, seededRandom, zipfSampler, type ZipfSampler } from './random.ts';
import { wordList, type Locale } from './word-lists.ts';

export interface SeedText {
  /** Sentences to recombine into paragraphs. */
  sentences: string[];
  /** Short lines to use as subheadings. */
  subheadings: string[];
  tags: string[];
}

export interface CorpusFile {
  /** Relative path, e.g. ar/00042.txt */
  path: string;
  /** Raw article text in the importer's input format, with a front block. */
  text: string;
}

/** Options of the seed-recombining corpus (the e2e archive test's small corpus). */
export interface CorpusOptions {
  articles: number;
  /** Share of English articles, 0..1. */
  englishShare?: number;
  seed?: number;
}

/** Splits text into sentences on . ! ? ؟ while keeping the punctuation. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^.!?؟\n]+[.!?؟]+/g) ?? []).map((sentence) => sentence.trim()).filter((s) => s.split(/\s+/).length >= 4);
}

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
const DAY = 86_400_000;

function article(random: () => number, seed: SeedText, index: number, lang: string): CorpusFile {
  const titleWords = pick(random, seed.sentences)
    .replace(/[.!?؟،,]/g, '')
    .split(/\s+/);
  const start = randomInt(random, 0, Math.max(0, titleWords.length - 8));
  const title = titleWords.slice(start, start + randomInt(random, 5, 8)).join(' ');
  const paragraphs: string[] = [];
  const paragraphCount = randomInt(random, 4, 8);
  for (let p = 0; p < paragraphCount; p++) {
    if (p > 1 && random() < 0.2) paragraphs.push(pick(random, seed.subheadings));
    const sentences = Array.from({ length: randomInt(random, 1, 3) }, () => pick(random, seed.sentences));
    paragraphs.push(sentences.join(' '));
  }
  // Two in a hundred are undated: the archive must list them, never invent a date.
  const dated = random() >= 0.02;
  const day = new Date(FIRST_DAY + randomInt(random, 0, (LAST_DAY - FIRST_DAY) / DAY) * DAY).toISOString().slice(0, 10);
  const tags = [...new Set([pick(random, seed.tags), pick(random, seed.tags)])];
  const front = [
    '---',
    `lang: ${lang}`,
    `slug: ${lang}-${String(index).padStart(5, '0')}`,
    ...(dated ? [`date: ${day}`] : []),
    `tags: [${tags.join(', ')}]`,
    '---',
  ];
  return { path: `${lang}/${String(index).padStart(5, '0')}.txt`, text: `${front.join('\n')}\n${title}\n${paragraphs.join('\n')}\n` };
}

/**
 * The older, small corpus: Arabic articles recombined from the seed's
 * sentences and subheadings, an English share from its translation, dates
 * over ten years, a few tags each. Few distinct words: not for measuring the
 * search index, but the e2e archive test builds its site from it.
 */
function* recombineSeed(arabic: SeedText, english: SeedText, { articles, englishShare = 0.2, seed = 2023 }: CorpusOptions): Generator<CorpusFile> {
  const random = seededRandom(seed);
  for (let index = 0; index < articles; index++) {
    yield random() < englishShare ? article(random, english, index, 'en') : article(random, arabic, index, 'ar');
  }
}

export const LOCALES: readonly Locale[] = ['ar', 'en'];

/** Options of the realistic corpus. */
export interface SyntheticCorpusOptions {
  /** Files to write, translations included. */
  articles: number;
  seed?: number;
  /** Filled in while generating: figures about what was generated. */
  stats?: CorpusStats;
}

export interface CorpusStats {
  /** Files per locale, translations included. */
  articles: Record<Locale, number>;
  /** English translations of Arabic articles. */
  translations: number;
  /** Distinct word forms per locale: tokens of titles and bodies, punctuation stripped, lowercased. */
  forms: Record<Locale, Set<string>>;
  /** Body words of each article, in order. */
  words: number[];
}

export function createCorpusStats(): CorpusStats {
  return { articles: { ar: 0, en: 0 }, translations: 0, forms: { ar: new Set(), en: new Set() }, words: [] };
}

export interface CorpusSummary {
  articles: Record<Locale, number>;
  translations: number;
  distinctForms: Record<Locale, number>;
  medianWords: number;
}

export function summarizeCorpus(stats: CorpusStats): CorpusSummary {
  const words = [...stats.words].sort((a, b) => a - b);
  return {
    articles: { ...stats.articles },
    translations: stats.translations,
    distinctForms: { ar: stats.forms.ar.size, en: stats.forms.en.size },
    medianWords: words.length ? words[Math.floor(words.length / 2)]! : 0,
  };
}

/** Word forms of a line: whitespace-separated tokens without surrounding punctuation, lowercased. */
export function wordForms(line: string): string[] {
  const forms: string[] = [];
  for (const token of line.split(/\s+/)) {
    const form = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
    if (form) forms.push(form);
  }
  return forms;
}

/** Zipf exponent of word frequencies (natural text: about 1). */
export const ZIPF_EXPONENT = 1.05;
const TAG_POOL = 400;
/** Share of originals in Arabic; of the Arabic ones, the share that also get an English translation (10% of originals). */
const ARABIC_SHARE = 0.8;
const TRANSLATED_SHARE = 0.125;
const SYNTHETIC_FIRST_DAY = Date.UTC(2000, 0, 1);
const SYNTHETIC_LAST_DAY = Date.UTC(2024, 11, 31);
export const MIN_WORDS = 150;
export const MAX_WORDS = 3000;

interface Language {
  locale: Locale;
  words: readonly string[];
  /** Ranks sampled with the Zipf law, 0-based. */
  rank: ZipfSampler;
  /** First rank past the function words. */
  contentStart: number;
  comma: string;
  tags: string[];
  tagRank: ZipfSampler;
}

const samplers = new Map<string, ZipfSampler>();
function cachedZipf(size: number, exponent: number): ZipfSampler {
  const key = `${size}:${exponent}`;
  let sampler = samplers.get(key);
  if (!sampler) {
    sampler = zipfSampler(size, exponent);
    samplers.set(key, sampler);
  }
  return sampler;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** About 400 tags of one or two words, from the frequent content words (ranks up to 5,000). */
function tagPool(random: () => number, locale: Locale, words: readonly string[], contentStart: number): string[] {
  const tags = new Map<string, string>();
  const word = () => {
    for (;;) {
      const candidate = words[randomInt(random, contentStart, Math.min(words.length - 1, 5000))]!;
      if (/^\p{L}+$/u.test(candidate)) return candidate;
    }
  };
  while (tags.size < TAG_POOL) {
    const tag = random() < 0.7 ? word() : `${word()} ${word()}`;
    const shown = locale === 'en' ? capitalize(tag) : tag;
    if (!tags.has(shown.toLowerCase())) tags.set(shown.toLowerCase(), shown);
  }
  return [...tags.values()];
}

function language(locale: Locale, seed: number): Language {
  const list = wordList(locale);
  return {
    locale,
    words: list.words,
    rank: cachedZipf(list.words.length, ZIPF_EXPONENT),
    contentStart: list.functionWords,
    comma: locale === 'ar' ? '،' : ',',
    tags: tagPool(seededRandom(seed ^ (locale === 'ar' ? 0x7a95 : 0x7a96)), locale, list.words, list.functionWords),
    tagRank: cachedZipf(TAG_POOL, 1),
  };
}

/** A number as news text has them: mostly years, sometimes counts. */
function number(random: () => number): string {
  return String(random() < 0.5 ? randomInt(random, 1950, 2024) : random() < 0.7 ? randomInt(random, 2, 100) : randomInt(random, 100, 99_999));
}

function sentence(random: () => number, lang: Language, length: number): string {
  const words: string[] = [];
  for (let index = 0; index < length; index++) words.push(lang.words[lang.rank(random)]!);
  // Arabic sentences sometimes hold a number in digits, and so do English ones.
  if (length > 3 && random() < (lang.locale === 'ar' ? 0.2 : 0.15)) words[randomInt(random, 1, length - 1)] = number(random);
  for (let index = 0; index < length - 1; index++) if (random() < 0.07) words[index] += lang.comma;
  if (lang.locale === 'en') words[0] = capitalize(words[0]!);
  return `${words.join(' ')}.`;
}

/** 3–7 content words, at most 80 characters, no closing punctuation: the importer reads it as a subheading. */
function subheading(random: () => number, lang: Language, length: number): string {
  const words = Array.from({ length }, () => lang.words[randomInt(random, lang.contentStart, Math.min(lang.words.length - 1, 20_000))]!);
  while ([...words.join(' ')].length > 80 && words.length > 3) words.pop();
  if (lang.locale === 'en') words[0] = capitalize(words[0]!);
  return words.join(' ');
}

function title(random: () => number, lang: Language): string {
  const words = Array.from({ length: randomInt(random, 5, 10) }, () => lang.words[lang.rank(random)]!);
  if (lang.locale === 'en') words[0] = capitalize(words[0]!);
  return words.join(' ');
}

/** Body lines of about `target` words: the lead paragraph first, then paragraphs of 1–4 sentences and a few subheadings. */
function body(random: () => number, lang: Language, target: number): string[] {
  const lines: string[] = [];
  let remaining = target;
  const sentenceLength = () => {
    // Every sentence has 8–30 words, and what remains is never fewer than 8.
    if (remaining <= 30) return remaining;
    return randomInt(random, 8, Math.min(30, remaining - 8));
  };
  while (remaining > 0) {
    if (lines.length > 1 && remaining > 60 && random() < 0.12) {
      const heading = subheading(random, lang, randomInt(random, 3, 7));
      remaining -= heading.split(' ').length;
      lines.push(heading);
    }
    const sentences: string[] = [];
    const count = pick(random, [1, 2, 2, 3, 3, 4]);
    for (let index = 0; index < count && remaining > 0; index++) {
      const length = sentenceLength();
      sentences.push(sentence(random, lang, length));
      remaining -= length;
    }
    lines.push(sentences.join(' '));
  }
  return lines;
}

/** Tags are plain words; anything a YAML flow list could misread is quoted. */
function yamlTag(tag: string): string {
  return /^[\p{L}][\p{L}\p{N} ]*$/u.test(tag) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(tag) ? tag : JSON.stringify(tag);
}

function tagsFor(random: () => number, lang: Language): string[] {
  const count = pick(random, [1, 1, 2, 2, 2, 3, 3, 4]);
  const tags = new Set<string>();
  for (let tries = 0; tags.size < count && tries < 20; tries++) tags.add(lang.tags[lang.tagRank(random)]!);
  return [...tags];
}

interface Draft {
  lang: Language;
  index: number;
  date?: string;
  translationOf?: string;
  words: number;
}

const padded = (index: number) => String(index).padStart(6, '0');

function render(random: () => number, { lang, index, date, translationOf, words }: Draft, stats?: CorpusStats): CorpusFile {
  const heading = title(random, lang);
  const lines = body(random, lang, words);
  const tags = tagsFor(random, lang);
  const front = [
    '---',
    `lang: ${lang.locale}`,
    `slug: ${lang.locale}-${padded(index)}`,
    ...(date ? [`date: ${date}`] : []),
    `tags: [${tags.map(yamlTag).join(', ')}]`,
    ...(translationOf ? [`translationOf: ${translationOf}`] : []),
    '---',
  ];
  if (stats) {
    stats.articles[lang.locale]++;
    if (translationOf) stats.translations++;
    stats.words.push(words);
    const forms = stats.forms[lang.locale];
    for (const form of wordForms(heading)) forms.add(form);
    for (const line of lines) for (const form of wordForms(line)) forms.add(form);
  }
  return { path: `${lang.locale}/${padded(index)}.txt`, text: `${front.join('\n')}\n${heading}\n${lines.join('\n')}\n` };
}

/**
 * A realistic synthetic archive, one file at a time: real Arabic and English
 * word forms (cspell's dictionaries) drawn with Zipf's law, sentences of 8–30
 * words in paragraphs of 1–4, a few subheadings, 150–3,000 words an article
 * (log-normal, median ~500), 80% Arabic originals and 20% English, an English
 * translation for 10% of the originals (Arabic ones), dates over 25 years (2%
 * undated), 1–4 tags from a long-tailed pool of 400 a language. The same
 * (articles, seed) always gives the same files.
 */
function* synthesize({ articles, seed = 2023, stats }: SyntheticCorpusOptions): Generator<CorpusFile> {
  const random = seededRandom(seed);
  const arabic = language('ar', seed);
  const english = language('en', seed);
  let pending: Draft | undefined;
  for (let index = 0; index < articles; index++) {
    if (pending) {
      const translation = { ...pending, index };
      pending = undefined;
      yield render(random, translation, stats);
      continue;
    }
    const lang = random() < ARABIC_SHARE ? arabic : english;
    const date =
      random() < 0.02
        ? undefined
        : new Date(SYNTHETIC_FIRST_DAY + randomInt(random, 0, (SYNTHETIC_LAST_DAY - SYNTHETIC_FIRST_DAY) / DAY) * DAY).toISOString().slice(0, 10);
    const words = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, logNormal(random, Math.log(500), 0.6))));
    const draft: Draft = { lang, index, date, words };
    if (lang === arabic && random() < TRANSLATED_SHARE) {
      // The translation follows as the next file: about as long, same date.
      const ratio = 0.9 + 0.3 * random();
      pending = {
        lang: english,
        index: -1,
        date,
        translationOf: `ar/ar-${padded(index)}`,
        words: Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, words * ratio))),
      };
    }
    yield render(random, draft, stats);
  }
}

/**
 * The benchmark corpus, one `{ path, text }` at a time (see `synthesize`).
 * Called with two seed texts, it is the older corpus recombined from them.
 */
export function generateCorpus(options: SyntheticCorpusOptions): Generator<CorpusFile>;
export function generateCorpus(arabic: SeedText, english: SeedText, options: CorpusOptions): Generator<CorpusFile>;
export function generateCorpus(first: SyntheticCorpusOptions | SeedText, english?: SeedText, options?: CorpusOptions): Generator<CorpusFile> {
  if ('sentences' in first) return recombineSeed(first, english!, options!);
  return synthesize(first);
}

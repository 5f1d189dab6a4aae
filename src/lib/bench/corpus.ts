import { pick, randomInt, seededRandom } from './random.ts';

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
  const titleWords = pick(random, seed.sentences).replace(/[.!?؟،,]/g, '').split(/\s+/);
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
 * A deterministic synthetic archive: Arabic articles recombined from the
 * seed's sentences and subheadings, an English share from its translation,
 * dates spread over ten years, a few tags each.
 */
export function generateCorpus(arabic: SeedText, english: SeedText, { articles, englishShare = 0.2, seed = 2023 }: CorpusOptions): CorpusFile[] {
  const random = seededRandom(seed);
  return Array.from({ length: articles }, (_, index) =>
    random() < englishShare ? article(random, english, index, 'en') : article(random, arabic, index, 'ar'),
  );
}

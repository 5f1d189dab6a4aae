import { ZIPF_EXPONENT, type CorpusFile } from './corpus.ts';
import { logNormal, pick, randomInt, seededRandom, zipfSampler, type ZipfSampler } from './random.ts';
import { wordList } from './word-lists.ts';

/**
 * A messy Arabic news archive, written procedurally in the importer's text
 * format: what a scraped newspaper archive of tens of thousands of articles
 * holds besides clean text. Bylines that are datelines and agency names,
 * the same agency or reporter spelled a dozen ways (spacing around the dash,
 * tatweel, a full stop at the end), bylines that run on into the lead,
 * invisible control characters left by old publishing systems, tabs, Nabati
 * poems, Arabic typed on Persian keyboards, republished copies, empty pages
 * and pages of boilerplate — each at a rate like a real archive's, and each
 * article tagged with what it holds so that tests can assert on it.
 *
 * The body text is the synthetic corpus's: real Arabic word forms drawn by
 * Zipf's law (word-lists.ts), around a few hand-written news phrases. The
 * same (articles, seed) always gives the same files; articles are yielded one
 * at a time and only the last few originals are kept (for republishing), so
 * 30,000 articles take a few seconds and little memory.
 */

/** What an article is: one kind each, handed out by quota (KIND_QUOTAS). */
export type ArticleKind =
  | 'ordinary'
  | 'control-characters'
  | 'tab-in-title'
  | 'tab-in-byline'
  | 'tab-in-paragraph'
  | 'persian-keyboard'
  | 'long-byline'
  | 'poem'
  | 'poem-only'
  | 'exact-duplicate'
  | 'near-duplicate'
  | 'empty'
  | 'boilerplate';

/**
 * Articles of each kind in every run of 100 (shuffled within it), so rare
 * kinds occur in any corpus of 100 or more and the rates are exact. Ordinary
 * articles are the rest: 73 in 100; with the copies of ordinary articles, 79.
 */
export const KIND_QUOTAS: Readonly<Record<Exclude<ArticleKind, 'ordinary'>, number>> = {
  'control-characters': 5,
  'tab-in-title': 1,
  'tab-in-byline': 1,
  'tab-in-paragraph': 2,
  'persian-keyboard': 3,
  'long-byline': 1,
  poem: 3,
  'poem-only': 2,
  'exact-duplicate': 3,
  'near-duplicate': 3,
  empty: 2,
  boilerplate: 1,
};
const QUOTA_BLOCK = 100;

/** Everything an article can hold; its kind is always among them. */
export type Mess =
  | Exclude<ArticleKind, 'ordinary'>
  /** «واس - الرياض», «اليوم - أبها»: an agency or the paper, and a city. */
  | 'agency-byline'
  /** «أبها - علي الشهري»: a city and a reporter. */
  | 'reporter-byline'
  /** «محمد القحطاني». */
  | 'person-byline'
  /** «بقلم: هيا المطيري». */
  | 'pen-byline'
  | 'no-byline'
  /** The byline is not its author's usual spelling (other spacing, tatweel, punctuation). */
  | 'byline-variant'
  /** The byline holds a tatweel (ـ), as a dash or stretching a word. */
  | 'tatweel-byline'
  /** The body's first line is a dateline («الرياض - واس»). */
  | 'dateline-first-line'
  | 'subheadings'
  /** A quotation in «…». */
  | 'quotes'
  | 'arabic-indic-digits'
  | 'western-digits'
  /** Dated on one of the 18 crowded days (DENSE_DAYS). */
  | 'dense-date'
  /** A verse whose two hemistichs are separated by a tab. */
  | 'tab-in-verse'
  /** A verse whose two hemistichs are separated by several spaces. */
  | 'spaced-hemistichs'
  /** A no-break space (U+00A0) between words. */
  | 'nbsp'
  /** A line of site boilerplate («تابعونا على تويتر») after the last paragraph. */
  | 'trailing-boilerplate';

export type NearDuplicateChange = 'title' | 'paragraph' | 'date';
const NEAR_DUPLICATE_CHANGES: readonly NearDuplicateChange[] = ['title', 'paragraph', 'date'];
export type EmptyForm = 'title-only' | 'blank-lines';

export interface MessyArticle extends CorpusFile {
  /** 0-based position in the corpus. */
  index: number;
  kind: ArticleKind;
  /** What it holds, sorted. */
  messes: Mess[];
  /** The title as written in the front block (a tab-in-title article's holds a tab). */
  title: string;
  date: string;
  /** The byline exactly as written in the front block. */
  author?: string;
  /**
   * Who the byline names, as their usual spelling (e.g. «واس - الرياض»):
   * every spelling of one author has the same id. Undefined when there is no
   * byline, and for a byline that runs on into the lead.
   */
  authorId?: string;
  source: string;
  tags: string[];
  /** The body lines as written, after the front block (the title is in the front block). */
  body: string[];
  /** For copies: the path of the article copied. */
  duplicateOf?: string;
  nearDuplicate?: NearDuplicateChange;
  emptyForm?: EmptyForm;
  /** For poems: the verse lines, as written. */
  verses?: string[];
  /** For persian-keyboard: every yeh typed as «ی», or only the final ones. */
  persianKeyboard?: 'every-yeh' | 'final-yeh';
  /** Control characters in the body, by character. */
  controlCharacters?: Record<string, number>;
}

export interface MessyCorpusOptions {
  articles: number;
  seed?: number;
  /** Filled in while generating. */
  stats?: MessyCorpusStats;
}

export interface MessyCorpusStats {
  articles: number;
  kinds: Record<ArticleKind, number>;
  messes: Partial<Record<Mess, number>>;
  /** Latest date of any article. */
  newest: string;
}

export function createMessyStats(): MessyCorpusStats {
  const kinds = Object.fromEntries(['ordinary', ...Object.keys(KIND_QUOTAS)].map((kind) => [kind, 0])) as Record<ArticleKind, number>;
  return { articles: 0, kinds, messes: {}, newest: '0000-00-00' };
}

/** One line about a messy corpus, for the bench. */
export function describeMessyStats(stats: MessyCorpusStats): string {
  const kinds = Object.entries(stats.kinds)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return `${stats.articles} messy articles (${kinds}); ${stats.messes['dense-date'] ?? 0} on the ${DENSE_DAYS.length} crowded days`;
}

/** The fictional paper every article comes from. */
export const PAPER_ORIGIN = 'https://www.example-paper.sa';

/** 18 days of July–August 2015 that hold half the archive (hundreds of articles a day at 30,000). */
export const DENSE_DAYS: readonly string[] = Array.from({ length: 18 }, (_, day) => new Date(Date.UTC(2015, 6, 19 + day)).toISOString().slice(0, 10));
const DENSE_SHARE = 0.5;
const SPREAD_FIRST_DAY = Date.UTC(2009, 0, 1);
const SPREAD_LAST_DAY = Date.UTC(2016, 11, 31);
const DAY = 86_400_000;

/** The Saudi Press Agency in Riyadh: the byline most often spelled many ways. */
export const SPA_RIYADH = 'واس - الرياض';

interface Identity {
  /** The usual spelling. */
  id: string;
  kind: 'agency-byline' | 'reporter-byline' | 'person-byline' | 'pen-byline';
  weight: number;
}

/** Fictional reporters and columnists (common names, no real person meant); the agencies are the wire and the paper. */
const IDENTITIES: readonly Identity[] = [
  { id: SPA_RIYADH, kind: 'agency-byline', weight: 20 },
  { id: 'واس - جدة', kind: 'agency-byline', weight: 5 },
  { id: 'واس - الدمام', kind: 'agency-byline', weight: 3 },
  { id: 'الرياض - واس', kind: 'agency-byline', weight: 5 },
  { id: 'اليوم - أبها', kind: 'agency-byline', weight: 4 },
  { id: 'اليوم - الدمام', kind: 'agency-byline', weight: 3 },
  { id: 'أبها - علي الشهري', kind: 'reporter-byline', weight: 5 },
  { id: 'جدة – خالد المالكي', kind: 'reporter-byline', weight: 5 },
  { id: 'الدمام - سعد العتيبي', kind: 'reporter-byline', weight: 4 },
  { id: 'المدينة المنورة - ماجد الحربي', kind: 'reporter-byline', weight: 4 },
  { id: 'محمد القحطاني', kind: 'person-byline', weight: 4 },
  { id: 'نورة السبيعي', kind: 'person-byline', weight: 3 },
  { id: 'عبدالله الغامدي', kind: 'person-byline', weight: 4 },
  { id: 'فهد الدوسري', kind: 'person-byline', weight: 3 },
  { id: 'سارة الحربي', kind: 'person-byline', weight: 3 },
  { id: 'تركي الشمري', kind: 'person-byline', weight: 3 },
  { id: 'ريم العنزي', kind: 'person-byline', weight: 2 },
  { id: 'ماجد الزهراني', kind: 'person-byline', weight: 3 },
  { id: 'بقلم: د. عبدالرحمن الزهراني', kind: 'pen-byline', weight: 4 },
  { id: 'بقلم: هيا المطيري', kind: 'pen-byline', weight: 4 },
  { id: 'بقلم: سليمان العقيلي', kind: 'pen-byline', weight: 4 },
];
const NO_BYLINE_SHARE = 0.05;
const POETS: readonly Identity[] = [
  { id: 'ناصر المطيري', kind: 'person-byline', weight: 1 },
  { id: 'عايض السبيعي', kind: 'person-byline', weight: 1 },
  { id: 'مبارك الشمري', kind: 'person-byline', weight: 1 },
];
const IDENTITY_WEIGHT = IDENTITIES.reduce((sum, identity) => sum + identity.weight, 0);

/**
 * What every spelling of one byline has in common: NFC, no tatweel, no white
 * space, no punctuation, lowercased. Two bylines with the same key differ only
 * by spacing, tatweel, punctuation or case.
 */
export function bylineKey(byline: string): string {
  return byline
    .normalize('NFC')
    .replace(/\u0640/gu, '')
    .replace(/[\s\p{P}]/gu, '')
    .toLowerCase();
}

/** Letters after which a tatweel can stretch a word (they join the next letter). */
const JOINING = /[بتثجحخسشصضطظعغفقكلمنهيئ]/u;

/** A word stretched with tatweel after one of its inner joining letters: الريـــاض. */
function stretch(random: () => number, word: string): string {
  const places: number[] = [];
  for (let index = 0; index < word.length - 1; index++) if (JOINING.test(word[index]!)) places.push(index);
  if (!places.length) return word;
  const at = pick(random, places);
  return `${word.slice(0, at + 1)}${'ـ'.repeat(randomInt(random, 1, 3))}${word.slice(at + 1)}`;
}

type Respelling = (random: () => number, text: string) => string;

/** Other spacing around the dash, as a dozen desks type it: «واس- الرياض», «واس -الرياض», «واس-الرياض», «واس  -  الرياض». */
const spaceDash =
  (spacing: (mark: string) => string): Respelling =>
  (_random, text) => {
    const dash = /^بقلم/u.test(text) ? null : /\s*([-–])\s*/u.exec(text);
    return dash ? `${text.slice(0, dash.index)}${spacing(dash[1]!)}${text.slice(dash.index + dash[0].length)}` : text;
  };
/** Other spacing around the colon of «بقلم:». */
const spacePen =
  (spacing: string): Respelling =>
  (_random, text) =>
    text.replace(/^بقلم\s*:\s*/u, spacing);
/** A tatweel as the dash itself: «واس ـ الرياض». */
const tatweelDash: Respelling = (_random, text) => text.replace(/ - /u, ' ـ ');
/** A word stretched with tatweel: «الريـــاض». */
const stretchWord: Respelling = (random, text) => {
  const words = text.split(' ');
  const long = words.map((word, index) => ({ word, index })).filter(({ word }) => word.length >= 4 && !/\p{P}/u.test(word));
  if (!long.length) return text;
  const { word, index } = pick(random, long);
  words[index] = stretch(random, word);
  return words.join(' ');
};
/** One space doubled. */
const doubleSpace: Respelling = (random, text) => {
  const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
  if (!spaces.length) return text;
  const at = pick(random, spaces);
  return `${text.slice(0, at)}  ${text.slice(at + 1)}`;
};
const trailing =
  (mark: string): Respelling =>
  (_random, text) =>
    `${text}${mark}`;

const DASH_RESPELLINGS: readonly Respelling[] = [
  spaceDash((mark) => `${mark} `),
  spaceDash((mark) => ` ${mark}`),
  spaceDash((mark) => mark),
  tatweelDash,
  spaceDash((mark) => `  ${mark}  `),
  stretchWord,
  trailing('.'),
  spaceDash((mark) => ` ${mark}  `),
  doubleSpace,
  trailing('،'),
  tatweelDash,
  trailing(' .'),
  spaceDash((mark) => mark),
  trailing(':'),
];
const PEN_RESPELLINGS: readonly Respelling[] = [
  spacePen('بقلم : '),
  spacePen('بقلم:'),
  stretchWord,
  spacePen('بقلم:  '),
  trailing('.'),
  doubleSpace,
  spacePen('بقلم :'),
  trailing('،'),
];
const NAME_RESPELLINGS: readonly Respelling[] = [stretchWord, doubleSpace, trailing('.'), trailing('،'), stretchWord, trailing(' .')];

/**
 * Another spelling of a byline: other spacing around its dash or colon, a
 * tatweel, a doubled space, punctuation at the end. Each author's spellings
 * come in turn (not by chance), so that even a small corpus has several of
 * them; now and then a second change is made on top.
 */
function respell(random: () => number, usual: string, turns: Map<string, number>): string {
  const respellings = /^بقلم/u.test(usual) ? PEN_RESPELLINGS : /[-–]/u.test(usual) ? DASH_RESPELLINGS : NAME_RESPELLINGS;
  const count = turns.get(usual) ?? 0;
  turns.set(usual, count + 1);
  let text = respellings[count % respellings.length]!(random, usual);
  if (random() < 0.15) text = pick(random, [doubleSpace, stretchWord, trailing('.')])(random, text);
  return text;
}

function pickIdentity(random: () => number): Identity {
  let target = random() * IDENTITY_WEIGHT;
  for (const identity of IDENTITIES) {
    target -= identity.weight;
    if (target < 0) return identity;
  }
  return IDENTITIES.at(-1)!;
}

/** A byline for an identity: its usual spelling half the time, else another. */
function spell(random: () => number, identity: Identity, messes: Set<Mess>, turns: Map<string, number>): string {
  messes.add(identity.kind);
  if (random() < 0.5) return identity.id;
  const text = respell(random, identity.id, turns);
  if (text !== identity.id) messes.add('byline-variant');
  if (text.includes('ـ')) messes.add('tatweel-byline');
  return text;
}

// ---------------------------------------------------------------------------
// Words and sentences

interface Words {
  words: readonly string[];
  rank: ZipfSampler;
  contentStart: number;
}

let cachedWords: Words | undefined;
function arabicWords(): Words {
  if (!cachedWords) {
    const list = wordList('ar');
    cachedWords = { words: list.words, rank: zipfSampler(list.words.length, ZIPF_EXPONENT), contentStart: list.functionWords };
  }
  return cachedWords;
}

/** Words that would make a short line read as a byline («كتب …», «إعداد …»): never first in a subheading or a verse. */
const BYLINE_WORD = /^(?:بقلم|كتب|كتبت|كتبه|كتبها|إعداد)$/u;

/** A content word of moderate frequency (rank up to `limit`). */
function contentWord(random: () => number, words: Words, limit = 20_000): string {
  return words.words[randomInt(random, words.contentStart, Math.min(words.words.length - 1, limit))]!;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const toArabicIndic = (text: string) => text.replace(/[0-9]/g, (digit) => ARABIC_INDIC[Number(digit)]!);

/** How an article writes its figures. */
type Digits = 'western' | 'arabic-indic' | 'mixed';

/** A figure as the news writes one: a year (Gregorian or Hijri), a count, a price, a share. */
function figure(random: () => number): string {
  const roll = random();
  if (roll < 0.25) return `${randomInt(random, 2005, 2016)}م`;
  if (roll < 0.4) return `${randomInt(random, 1426, 1437)}هـ`;
  if (roll < 0.6) return `${randomInt(random, 2, 99)}%`;
  if (roll < 0.8) return String(randomInt(random, 3, 9_999));
  return `${randomInt(random, 10, 950)} مليون ريال`;
}

const LEAD_SUBJECTS = [
  'أعلنت وزارة الصحة',
  'أكد صاحب السمو الملكي أمير منطقة الرياض',
  'كشفت الهيئة العامة للإحصاء',
  'دشن معالي وزير التعليم',
  'أوضح المتحدث الرسمي باسم المديرية العامة للدفاع المدني',
  'شهدت محافظة جدة',
  'وافق مجلس الوزراء',
  'أعلن الاتحاد السعودي لكرة القدم',
  'ارتفع المؤشر العام لسوق الأسهم السعودية',
  'بحثت أمانة المنطقة الشرقية',
  'نفذت هيئة الهلال الأحمر السعودي',
  'افتتح محافظ الأحساء',
  'أطلقت جامعة الملك سعود',
  'تواصل فرق البلدية في أبها',
];
const LEAD_TIMES = ['اليوم', 'أمس', 'مساء أمس', 'صباح اليوم', 'خلال الأسبوع الماضي', 'في بيان لها'];
const CONNECTIVES = ['وأضاف', 'وأشار إلى أن', 'من جهته، أكد', 'وفي السياق ذاته،', 'يذكر أن', 'وبين أن', 'ولفت إلى أن', 'في حين'];
const SPEAKERS = ['المتحدث الرسمي', 'مدير عام الشؤون الصحية', 'رئيس المجلس البلدي', 'مصدر مسؤول', 'مدير إدارة التعليم', 'قائد الفريق'];
const TITLE_SUBJECTS = [
  'أمير الرياض',
  'وزارة الصحة',
  'مجلس الوزراء',
  'الهلال',
  'النصر',
  'أمانة جدة',
  'الدفاع المدني',
  'سوق الأسهم',
  'جامعة الملك سعود',
  'هيئة السياحة',
];
const SECTIONS = ['محليات', 'اقتصاد', 'رياضة', 'ثقافة', 'دوليات', 'منوعات', 'صحة', 'تعليم'];
const CITIES = ['الرياض', 'جدة', 'الدمام', 'أبها', 'مكة المكرمة', 'المدينة المنورة', 'تبوك', 'حائل', 'الأحساء', 'نجران'];
/** Site chrome a scraper kept: a page of only this is not empty, but is not an article either. */
export const BOILERPLATE = [
  'اضغط هنا للمزيد',
  'تابعونا على تويتر',
  'اضغط هنا للمزيد...',
  'تابعونا على تويتر @example_paper',
  'شارك الخبر',
  'اقرأ أيضاً:',
  'لمزيد من الأخبار تابعونا على تويتر.',
  'جميع الحقوق محفوظة',
];

interface Style {
  digits: Digits;
  nbsp: boolean;
}

/** `count` words drawn by Zipf's law, a figure now and then, a comma after a few. */
function words(random: () => number, count: number, style: Style, used: Set<Mess>): string[] {
  const source = arabicWords();
  const out: string[] = [];
  for (let index = 0; index < count; index++) out.push(source.words[source.rank(random)]!);
  if (count > 4 && random() < 0.25) {
    let number = figure(random);
    if (style.digits === 'arabic-indic' || (style.digits === 'mixed' && random() < 0.5)) {
      number = toArabicIndic(number).replace('%', '٪');
      used.add('arabic-indic-digits');
    } else used.add('western-digits');
    out[randomInt(random, 1, count - 1)] = number;
  }
  for (let index = 0; index < count - 1; index++) if (random() < 0.06) out[index] += '،';
  return out;
}

/** Joins words with spaces, a few of them no-break spaces when the article's style has them. */
function join(random: () => number, parts: string[], style: Style, used: Set<Mess>): string {
  if (!style.nbsp) return parts.join(' ');
  let text = parts[0] ?? '';
  for (let index = 1; index < parts.length; index++) {
    const nbsp = random() < 0.03;
    if (nbsp) used.add('nbsp');
    text += (nbsp ? '\u00A0' : ' ') + parts[index];
  }
  return text;
}

function sentence(random: () => number, length: number, style: Style, used: Set<Mess>): string {
  const opener = random() < 0.35 ? pick(random, CONNECTIVES) : undefined;
  const body = words(random, opener ? Math.max(4, length - 2) : length, style, used);
  return `${join(random, opener ? [opener, ...body] : body, style, used)}.`;
}

function quotation(random: () => number, style: Style, used: Set<Mess>): string {
  used.add('quotes');
  const speaker = pick(random, SPEAKERS);
  const said = join(random, words(random, randomInt(random, 8, 20), style, used), style, used);
  return random() < 0.5 ? `وقال ${speaker} في تصريح لـ«اليوم»: «${said}».` : `وأضاف ${speaker}: «${said}».`;
}

/** 3–6 content words, unpunctuated and at most 60 characters: the importer reads it as a subheading. */
function subheading(random: () => number): string {
  const source = arabicWords();
  const parts: string[] = [];
  const length = randomInt(random, 3, 6);
  while (parts.length < length) {
    const word = contentWord(random, source);
    if (parts.length === 0 && BYLINE_WORD.test(word)) continue;
    parts.push(word);
  }
  while (parts.join(' ').length > 60 && parts.length > 3) parts.pop();
  return parts.join(' ');
}

function headline(random: () => number): string {
  const source = arabicWords();
  const parts = Array.from({ length: randomInt(random, 4, 8) }, () => source.words[source.rank(random)]!);
  if (random() < 0.4) parts.unshift(pick(random, TITLE_SUBJECTS));
  let title = parts.join(' ');
  // Two draws, not one condition twice: 6% are marked urgent, and 6% of the rest quoted.
  const urgent = random() < 0.06;
  if (urgent) title = `عاجل: ${title}`;
  else if (random() < 0.06) title = `«${title}»`;
  return title;
}

/** A dateline line as the body's first: the byline's city and agency, or a city and the paper. */
function dateline(random: () => number, identity: Identity | undefined): string {
  if (identity && (identity.kind === 'agency-byline' || identity.kind === 'reporter-byline') && random() < 0.7) {
    const [left, right] = identity.id.split(/\s*[-–]\s*/u);
    // Datelines are place first: «الرياض - واس».
    const place = CITIES.includes(left!) || left === 'المدينة المنورة' ? left! : right!;
    const who = place === left ? right! : left!;
    return `${place}${pick(random, [' - ', ' - ', ' -', '- ', ' – '])}${who}`;
  }
  return `${pick(random, CITIES)} - ${pick(random, ['اليوم', 'واس', 'المحرر'])}`;
}

/** Body lines of about `target` words: lead, paragraphs of 1–3 sentences, a few quotations, now and then a subheading. */
function newsBody(random: () => number, target: number, style: Style, used: Set<Mess>): string[] {
  const lines: string[] = [];
  const lead = `${pick(random, LEAD_SUBJECTS)} ${pick(random, LEAD_TIMES)} ${join(random, words(random, randomInt(random, 10, 24), style, used), style, used)}.`;
  lines.push(lead);
  let remaining = target - lead.split(' ').length;
  const quotes = random() < 0.6;
  let lastWasHeading = false;
  while (remaining > 0) {
    if (lines.length >= 2 && !lastWasHeading && remaining > 80 && random() < 0.15) {
      lines.push(subheading(random));
      used.add('subheadings');
      lastWasHeading = true;
      continue;
    }
    lastWasHeading = false;
    if (quotes && random() < 0.2) {
      const quote = quotation(random, style, used);
      lines.push(quote);
      remaining -= quote.split(' ').length;
      continue;
    }
    const sentences: string[] = [];
    const count = pick(random, [1, 2, 2, 3]);
    for (let index = 0; index < count && remaining > 0; index++) {
      const length = remaining <= 28 ? Math.max(remaining, 6) : randomInt(random, 8, 25);
      sentences.push(sentence(random, length, style, used));
      remaining -= length;
    }
    lines.push(sentences.join(' '));
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Poems

const RHYMES = ['ين', 'ها', 'ار', 'ال', 'يد', 'ام', 'اح'];
const rhymePools = new Map<string, string[]>();

/** Frequent words ending in a rhyme: the last word of every verse of a poem. */
function rhymePool(rhyme: string): string[] {
  let pool = rhymePools.get(rhyme);
  if (!pool) {
    const source = arabicWords();
    pool = source.words.slice(source.contentStart, 60_000).filter((word) => word.length >= 3 && word.endsWith(rhyme));
    rhymePools.set(rhyme, pool);
  }
  return pool;
}

function hemistich(random: () => number, length: number, rhymeWord?: string): string {
  const source = arabicWords();
  const parts: string[] = [];
  while (parts.length < length) {
    const word = contentWord(random, source, 30_000);
    if (parts.length === 0 && BYLINE_WORD.test(word)) continue;
    parts.push(word);
  }
  if (rhymeWord) parts[parts.length - 1] = rhymeWord;
  return parts.join(' ');
}

/**
 * A Nabati poem: 6–20 lines without punctuation, each at most 70 characters,
 * one verse a line (its two hemistichs joined by a space, several spaces or a
 * tab), or one hemistich a line; the verses rhyme.
 */
function poem(random: () => number, used: Set<Mess>): string[] {
  const pool = rhymePool(pick(random, RHYMES));
  const rhymeWord = () => pool[Math.floor(pool.length * random() ** 2)]!;
  const lineCount = randomInt(random, 6, 20);
  const oneHemistichALine = random() < 0.25;
  const separator = pick(random, [' ', ' ', '   ', '     ', '\t', '\t', '  \t']);
  if (!oneHemistichALine && separator.includes('\t')) used.add('tab-in-verse');
  else if (!oneHemistichALine && separator.length > 1) used.add('spaced-hemistichs');
  const lines: string[] = [];
  while (lines.length < lineCount) {
    if (oneHemistichALine) {
      lines.push(hemistich(random, randomInt(random, 2, 4), lines.length % 2 ? rhymeWord() : undefined));
      continue;
    }
    for (;;) {
      const line = `${hemistich(random, randomInt(random, 2, 4))}${separator}${hemistich(random, randomInt(random, 2, 3), rhymeWord())}`;
      if (line.length <= 70) {
        lines.push(line);
        break;
      }
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Messes applied to a written article

const CONTROL_CHARACTERS: readonly [string, number][] = [
  ['\u001A', 0.7],
  ['\u0008', 0.1],
  ['\u001F', 0.1],
  ['\u0085', 0.1],
];

function controlCharacter(random: () => number): string {
  let target = random();
  for (const [char, share] of CONTROL_CHARACTERS) {
    target -= share;
    if (target < 0) return char;
  }
  return '\u001A';
}

/** 1–6 control characters in the paragraphs, inside words or between them; returns how many of each. */
function sprinkleControls(random: () => number, lines: string[], paragraphs: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const total = randomInt(random, 1, 6);
  for (let placed = 0; placed < total; placed++) {
    // The first one is always SUB, the one old systems left most.
    const char = placed === 0 ? '\u001A' : controlCharacter(random);
    const at = pick(random, paragraphs);
    const line = lines[at]!;
    const spaces = [...line.matchAll(/ /g)].map((match) => match.index);
    if (random() < 0.5 || !spaces.length) {
      // Inside a word: a letter, the character, the rest of the word.
      const inner = [...line.matchAll(/\p{L}(?=\p{L})/gu)].map((match) => match.index + match[0].length);
      const cut = inner.length ? pick(random, inner) : line.length;
      lines[at] = `${line.slice(0, cut)}${char}${line.slice(cut)}`;
    } else {
      const space = pick(random, spaces);
      const how = random();
      lines[at] =
        how < 0.5
          ? `${line.slice(0, space)}${char}${line.slice(space + 1)}`
          : how < 0.75
            ? `${line.slice(0, space)}${char} ${line.slice(space + 1)}`
            : `${line.slice(0, space)} ${char}${line.slice(space + 1)}`;
    }
    counts[char] = (counts[char] ?? 0) + 1;
  }
  return counts;
}

/** One space of the text (not at an end) as a tab, or a tab beside it. */
function tabbed(random: () => number, text: string): string {
  const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
  if (!spaces.length) {
    const dash = /[-–]/u.exec(text);
    return dash ? `${text.slice(0, dash.index)}\t${text.slice(dash.index)}` : `${text}\t`;
  }
  const at = pick(random, spaces);
  return `${text.slice(0, at)}${pick(random, ['\t', '\t', ' \t', '\t '])}${text.slice(at + 1)}`;
}

/** Arabic as typed on a Persian keyboard: «ی» for yeh and alef maqsura (every one, or only at the end of a word), «ک» for kaf. */
function persianKeyboard(text: string, mode: 'every-yeh' | 'final-yeh'): string {
  const yeh = mode === 'every-yeh' ? text.replace(/[يى]/gu, 'ی') : text.replace(/[يى](?!\p{L})/gu, 'ی');
  return yeh.replace(/ك/gu, 'ک');
}

// ---------------------------------------------------------------------------
// Writing files

/** A YAML value written plain when it reads back as itself, else double-quoted (tabs stay raw, as a scraper writes them). */
function yamlValue(value: string): string {
  const plain =
    /^[\p{L}\p{N}«(][^:#"'\t\n]*$/u.test(value) && !/\s$/u.test(value) && !/[:]$/u.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function tagLine(tags: string[], style: number): string | undefined {
  if (!tags.length) return undefined;
  return style < 0.65 ? `tags: [${tags.join(', ')}]` : `tags: ${tags.join('، ')}`;
}

interface Draft {
  title: string;
  date: string;
  author?: string;
  authorId?: string;
  source: string;
  tags: string[];
  tagStyle: number;
  body: string[];
}

function render(draft: Draft): string {
  const front = [
    '---',
    `title: ${yamlValue(draft.title)}`,
    `date: ${draft.date}`,
    ...(draft.author !== undefined ? [`author: ${yamlValue(draft.author)}`] : []),
    `source: ${draft.source}`,
    ...[tagLine(draft.tags, draft.tagStyle)].filter((line): line is string => line !== undefined),
    '---',
  ];
  return `${front.join('\n')}\n${draft.body.map((line) => `${line}\n`).join('')}`;
}

function sourceUrl(random: () => number, id: number, section: string): string {
  const roll = random();
  if (roll < 0.6) return `${PAPER_ORIGIN}/news/${id}`;
  if (roll < 0.85) return `${PAPER_ORIGIN}/${encodeURIComponent(section)}/${id}/`;
  return `${PAPER_ORIGIN.replace('https:', 'http:')}/article.php?id=${id}&cat=${randomInt(random, 1, 12)}`;
}

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const DENSE_SET = new Set(DENSE_DAYS);

function drawDate(random: () => number, used: Set<Mess>): string {
  const date =
    random() < DENSE_SHARE
      ? pick(random, DENSE_DAYS)
      : new Date(SPREAD_FIRST_DAY + randomInt(random, 0, (SPREAD_LAST_DAY - SPREAD_FIRST_DAY) / DAY) * DAY).toISOString().slice(0, 10);
  if (DENSE_SET.has(date)) used.add('dense-date');
  return date;
}

/** Originals kept for republishing: only the last few, so memory stays flat. */
const RECENT_ORIGINALS = 64;

interface Original {
  article: MessyArticle;
  draft: Draft;
}

/** Kinds for the next run of 100, in a seeded order. */
function quotaBlock(random: () => number): ArticleKind[] {
  const kinds: ArticleKind[] = [];
  for (const [kind, count] of Object.entries(KIND_QUOTAS) as [ArticleKind, number][]) for (let index = 0; index < count; index++) kinds.push(kind);
  while (kinds.length < QUOTA_BLOCK) kinds.push('ordinary');
  for (let index = kinds.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other]!, kinds[index]!];
  }
  return kinds;
}

const sortedMesses = (messes: Set<Mess>) => [...messes].sort();

/**
 * The messy corpus, one article at a time: `{ path, text }` in the
 * importer's text format (news-<id>.txt, a front block with title, date,
 * author, source and tags, then one paragraph a line), with what it holds.
 */
export function* generateMessyCorpus({ articles, seed = 2015, stats }: MessyCorpusOptions): Generator<MessyArticle> {
  const random = seededRandom(seed ^ 0x6d657373);
  const recent: Original[] = [];
  let block: ArticleKind[] = [];
  /** Copies whose turn came before there was an original to copy: made at the next ordinary slot. */
  const deferred: ArticleKind[] = [];
  let nextId = 100_000;
  let nearCopies = 0;
  let emptyPages = 0;
  let persianArticles = 0;
  const spellingTurns = new Map<string, number>();

  const record = (article: MessyArticle): MessyArticle => {
    if (stats) {
      stats.articles++;
      stats.kinds[article.kind]++;
      for (const mess of article.messes) stats.messes[mess] = (stats.messes[mess] ?? 0) + 1;
      if (article.date > stats.newest) stats.newest = article.date;
    }
    return article;
  };

  for (let index = 0; index < articles; index++) {
    if (index % QUOTA_BLOCK === 0) block = quotaBlock(random);
    let kind = block[index % QUOTA_BLOCK]!;
    const isCopy = kind === 'exact-duplicate' || kind === 'near-duplicate';
    if (isCopy && recent.length === 0) {
      deferred.push(kind);
      kind = 'ordinary';
    } else if (kind === 'ordinary' && deferred.length && recent.length) kind = deferred.shift()!;
    nextId += randomInt(random, 1, 3);
    const id = nextId;
    const path = `news-${String(id).padStart(7, '0')}.txt`;
    const messes = new Set<Mess>(kind === 'ordinary' ? [] : [kind as Mess]);

    if (kind === 'exact-duplicate' || kind === 'near-duplicate') {
      const original = pick(random, recent);
      const base = { ...original.article, index, path, kind, duplicateOf: original.article.path };
      if (kind === 'exact-duplicate') {
        for (const mess of original.article.messes) messes.add(mess);
        yield record({ ...base, messes: sortedMesses(messes), nearDuplicate: undefined });
        continue;
      }
      // The three changes in turn, so that any corpus with three near copies has each.
      const change = NEAR_DUPLICATE_CHANGES[nearCopies++ % NEAR_DUPLICATE_CHANGES.length]!;
      const draft: Draft = { ...original.draft, body: [...original.draft.body], source: sourceUrl(random, id, original.draft.tags[0] ?? 'news') };
      for (const mess of original.article.messes) if (mess !== 'dense-date') messes.add(mess);
      if (change === 'title') {
        draft.title =
          random() < 0.5 ? `${pick(random, ['بالصور: ', 'محدث: ', 'فيديو: '])}${draft.title}` : `${draft.title} ${pick(random, ['(محدث)', 'اليوم', 'رسمياً'])}`;
      } else if (change === 'paragraph') {
        draft.body.push(`وفي وقت لاحق، ${sentence(random, randomInt(random, 10, 20), { digits: 'western', nbsp: false }, messes)}`);
      } else {
        draft.date = shiftDate(draft.date, randomInt(random, 1, 3));
      }
      if (DENSE_SET.has(draft.date)) messes.add('dense-date');
      const { title, date, source, body } = draft;
      yield record({ ...base, title, date, source, body, text: render(draft), messes: sortedMesses(messes), nearDuplicate: change });
      continue;
    }

    const date = drawDate(random, messes);
    const style: Style = { digits: pick(random, ['western', 'western', 'arabic-indic', 'mixed'] as const), nbsp: random() < 0.1 };
    const section = pick(random, SECTIONS);
    const tagCount = random() < 0.1 ? 0 : random() < 0.7 ? 1 : 2;
    const tags =
      kind === 'poem' || kind === 'poem-only'
        ? ['شعر', 'ثقافة'].slice(0, Math.max(1, tagCount))
        : [...new Set([section, pick(random, SECTIONS)])].slice(0, tagCount);
    const tagStyle = random();
    const source = sourceUrl(random, id, section);

    // The byline.
    let identity: Identity | undefined;
    let author: string | undefined;
    let authorId: string | undefined;
    if (kind === 'poem' || kind === 'poem-only') {
      identity = pick(random, POETS);
    } else if (kind === 'tab-in-byline' || kind === 'long-byline' || random() >= NO_BYLINE_SHARE) {
      identity = pickIdentity(random);
    }
    if (identity) {
      author = spell(random, identity, messes, spellingTurns);
      authorId = identity.id;
    } else messes.add('no-byline');

    let title = headline(random);
    let body: string[];
    let verses: string[] | undefined;
    let emptyForm: EmptyForm | undefined;
    let controlCharacters: Record<string, number> | undefined;
    let persianMode: MessyArticle['persianKeyboard'];

    if (kind === 'empty') {
      emptyForm = emptyPages++ % 2 === 0 ? 'title-only' : 'blank-lines';
      body =
        emptyForm === 'title-only'
          ? []
          : Array.from({ length: randomInt(random, 1, 4) }, () => pick(random, [' ', '\u00A0', '\t', '\u00A0\u00A0 ', '   ', '']));
    } else if (kind === 'boilerplate') {
      body = [pick(random, BOILERPLATE), ...(random() < 0.5 ? [pick(random, BOILERPLATE)] : [])];
    } else if (kind === 'poem' || kind === 'poem-only') {
      title = random() < 0.5 ? `قصيدة: ${hemistich(random, randomInt(random, 2, 3))}` : hemistich(random, randomInt(random, 2, 4));
      verses = poem(random, messes);
      body =
        kind === 'poem'
          ? [`يقول الشاعر ${identity!.id} في قصيدته ${join(random, words(random, randomInt(random, 8, 16), style, messes), style, messes)}:`, ...verses]
          : [...verses];
    } else {
      const target = Math.round(Math.min(1500, Math.max(60, logNormal(random, Math.log(280), 0.6))));
      body = newsBody(random, target, style, messes);
      if (random() < 0.35) {
        body.unshift(dateline(random, identity));
        messes.add('dateline-first-line');
      }
      if (random() < 0.05) {
        body.push(pick(random, BOILERPLATE));
        messes.add('trailing-boilerplate');
      }
      const paragraphs = body
        .map((line, at) => ({ line, at }))
        .filter(({ line }) => /[.:»]$/u.test(line) && line.split(' ').length > 6)
        .map(({ at }) => at);
      if (kind === 'control-characters') controlCharacters = sprinkleControls(random, body, paragraphs);
      if (kind === 'tab-in-paragraph') {
        for (const at of [pick(random, paragraphs), ...(random() < 0.4 ? [pick(random, paragraphs)] : [])]) {
          body[at] = random() < 0.3 ? `\t${tabbed(random, body[at]!)}` : tabbed(random, body[at]!);
        }
      }
      if (kind === 'tab-in-title') title = tabbed(random, title);
      if (kind === 'tab-in-byline' && author !== undefined) author = tabbed(random, author);
      if (kind === 'persian-keyboard') {
        persianMode = persianArticles++ % 2 === 0 ? 'every-yeh' : 'final-yeh';
        title = persianKeyboard(title, persianMode);
        body = body.map((line) => persianKeyboard(line, persianMode!));
      }
      if (kind === 'long-byline') {
        // A scraper that took the byline's box with the lead in it: «الرياض - واس أعلنت وزارة …», 130–250 characters.
        const prose = body.filter((line) => line.split(' ').length > 8).join(' ');
        const runOn = `الرياض${pick(random, [' - ', ' -', '- ', ' ـ '])}واس ${prose}`;
        author = runOn.slice(0, randomInt(random, 130, 250)).trimEnd();
        authorId = undefined;
        messes.delete('byline-variant');
        messes.delete('tatweel-byline');
        for (const kindOfByline of ['agency-byline', 'reporter-byline', 'person-byline', 'pen-byline'] as const) messes.delete(kindOfByline);
        messes.add('agency-byline');
      }
    }

    const draft: Draft = { title, date, author, authorId, source, tags, tagStyle, body };
    const article: MessyArticle = {
      path,
      text: render(draft),
      index,
      kind,
      messes: sortedMesses(messes),
      title,
      date,
      ...(author !== undefined ? { author } : {}),
      ...(authorId !== undefined ? { authorId } : {}),
      source,
      tags,
      body,
      ...(verses ? { verses } : {}),
      ...(emptyForm ? { emptyForm } : {}),
      ...(persianMode ? { persianKeyboard: persianMode } : {}),
      ...(controlCharacters ? { controlCharacters } : {}),
    };
    if (kind === 'ordinary') {
      recent.push({ article, draft });
      if (recent.length > RECENT_ORIGINALS) recent.shift();
    }
    yield record(article);
  }
}

import { formsPerWord, type FormCandidate } from './expand-query.ts';
import { brokenPluralRelatives } from './keying/broken-plurals.ts';
import { isKeyedWord, keysWithCertainty } from './keying/registry.ts';
import { MATCH_COST, pagesHoldingEveryWord, rankByWordsHeld, type RankedMatch, type TermMatch } from './ranking.ts';
import type { ParsedQuery } from './relevance.ts';
import { spellingCandidates, type SpellingShard } from './spelling.ts';

/**
 * One keyed query, from its words to ranked pages, over whatever answers the
 * three questions below: the search page asks Pagefind and the vocabulary
 * files (src/client/search/query.ts), the evaluation harness an index in
 * memory (tools/search-eval). First each word's own forms are asked; when
 * fewer than a few pages hold every word, the query is widened, word by word:
 * stem relatives, broken plurals and singulars, other transliterations and
 * corrections of a typo, each found in the archive before it is asked, each
 * costing more than the typed word's own forms (ranking.ts). Pages holding
 * more words then rank first, so a correction that sits beside the query's
 * other words wins over one that does not.
 */
export interface RetrievalBackend<Ref> {
  /** The archive's forms of a word, best first, and whether it has the word in some form (VocabularyFiles.formsOf). */
  formsOf(word: string, limit: number): Promise<{ candidates: FormCandidate[]; known: boolean }>;
  /** The pages holding one written form. */
  searchForm(form: string): Promise<{ pageId: string; score: number; ref: Ref }[]>;
  /** The archive's other transliterations of a word, from the vocabulary shards its own keys are in. */
  variantsOf(word: string): Promise<string[]>;
  /** For each word, the spelling shards its correction reads. */
  spellingShardsOf(words: readonly string[]): Promise<SpellingShard[][]>;
}

export interface Retrieved<Ref> {
  pages: RankedMatch<Ref>[];
  /** Every form asked of the index, for marking matches. */
  forms: string[];
  /** A word the archive lacks in every form of its own. */
  unknownWord: boolean;
  /** True when the query was widened beyond its words' own forms. */
  widened: boolean;
  /** The query as the first page answers it, when a correction or another spelling replaced a typed word there. */
  answeredAs?: string;
}

/** Below this many pages holding every word, a query is widened (its other forms ranked below the typed word's own). */
export const FEW_FULL_MATCHES = 3;
/** Words whose spelling neighbours a widened query reads (each costs up to six small files). */
export const MAX_CORRECTED_WORDS = 4;
/** Related forms asked per word when widening: each costs a search. */
const RELATED_FORMS_PER_WORD = 6;
/** Spelling neighbours looked up per word. */
const NEIGHBOURS_PER_WORD = 3;
/**
 * The dearest match that is a close form of the typed word: a related form,
 * or a correction of one edit (spellingDistance 1: one letter for another,
 * or two of the half-letter typos, a dot, a swap, a letter dropped or added).
 */
const CLOSE_FORM_COST = MATCH_COST.correction + 1;

/** The bare word under its sure proclitic chains (الجسور → جسور), where the plural patterns apply. */
function bareStem(word: string): string {
  let shortest = '';
  for (const { key, sure } of keysWithCertainty(word)) if (sure && (!shortest || key.length < shortest.length)) shortest = key;
  return shortest;
}

export async function retrieve<Ref>(backend: RetrievalBackend<Ref>, query: ParsedQuery): Promise<Retrieved<Ref>> {
  const { words, phrases } = query;
  const share = formsPerWord(words.length);
  const expanded = await Promise.all(words.map((word) => backend.formsOf(word, share)));
  const unknownWord = expanded.some(({ known }) => !known);
  const asked = words.map(() => new Set<string>());
  const matchesPerWord: TermMatch<Ref>[][] = words.map(() => []);
  const ask = async (wordIndex: number, forms: readonly { form: string; cost: number }[]) => {
    const fresh = forms.filter(({ form }) => !asked[wordIndex]!.has(form));
    for (const { form } of fresh) asked[wordIndex]!.add(form);
    const found = await Promise.all(fresh.map(async ({ form, cost }) => (await backend.searchForm(form)).map((hit) => ({ ...hit, form, cost }))));
    // One at a time: a common word matches every page of a large archive, and
    // push(...hits) passes each hit as an argument, past the engine's stack limit.
    const matches = matchesPerWord[wordIndex]!;
    for (const hits of found) for (const hit of hits) matches.push(hit);
  };
  // Relatives through a shorter stem (tier 2) are asked only when the word's
  // own forms match nothing: each form can cost an index chunk of its own.
  // A word the archive lacks in every form is still asked as typed (the list
  // is never empty while the index matches something), but what the index
  // answers are pages its stemmer matched through another word, often a far
  // shorter one (Pagefind cuts الأخدوذ to أخ, التكاتر to تك): until the
  // widening below has looked for closer forms, they do not hold the word,
  // so the corrector still runs.
  await Promise.all(
    expanded.map(async ({ candidates, known }, index) => {
      await ask(
        index,
        candidates.filter(({ tier }) => tier < 2).map(({ form, tier }) => ({ form, cost: known ? tier : MATCH_COST.stemmedOnly })),
      );
      if (matchesPerWord[index]!.length === 0) {
        await ask(
          index,
          candidates.filter(({ tier }) => tier === 2).map(({ form }) => ({ form, cost: MATCH_COST.relative })),
        );
      }
    }),
  );
  const strict = phrases.length > 0;
  let pages = rankByWordsHeld(words, matchesPerWord, strict);
  const allForms = () => [...new Set(asked.flatMap((forms) => [...forms]))];
  if (strict || (pagesHoldingEveryWord(pages) >= FEW_FULL_MATCHES && !unknownWord)) return { pages, forms: allForms(), unknownWord, widened: false };

  const keyed = words.map(isKeyedWord);
  // Which typed word an asked form stands for, where it is another spelling, to say what the first page answers.
  const replacedBy = words.map(() => new Map<string, string>());
  const lookUp = async (relative: string, cost: number, from?: string) => {
    // A guessed plural, singular or spelling is asked only when the archive has it in some form.
    const { candidates, known } = await backend.formsOf(relative, 3);
    return known ? candidates.filter(({ tier }) => tier < 2).map(({ form }) => ({ form, cost, from })) : [];
  };
  const askRelated = async (index: number, forms: { form: string; cost: number; from?: string }[]) => {
    const chosen = forms.filter(({ form }) => !asked[index]!.has(form)).slice(0, RELATED_FORMS_PER_WORD);
    for (const { form, from } of chosen) if (from) replacedBy[index]!.set(form, from);
    await ask(index, chosen);
  };

  // First the forms the files already read can tell: stem relatives, other
  // transliterations among the keys of the word's own vocabulary shards, and
  // broken plurals or singulars that begin as the word does (the same shard).
  const plurals = words.map((word, index) => (keyed[index] ? brokenPluralRelatives(bareStem(word)) : []));
  const sameShard = (word: string, relative: string) => [...relative].slice(0, 2).join('') === [...bareStem(word)].slice(0, 2).join('');
  await Promise.all(
    words.map(async (word, index) => {
      const relatives = expanded[index]!.candidates.filter(({ tier }) => tier === 2).map(({ form }) => ({ form, cost: MATCH_COST.relative as number }));
      const looked = await Promise.all([
        ...(await backend.variantsOf(word)).map((variant) => lookUp(variant, MATCH_COST.variant, variant)),
        ...plurals[index]!.filter((relative) => sameShard(word, relative)).map((relative) => lookUp(relative, MATCH_COST.variant)),
      ]);
      await askRelated(index, [...relatives, ...looked.flat()]);
    }),
  );
  pages = rankByWordsHeld(words, matchesPerWord);

  // Still no page holds every word: the plurals in other shards, and the
  // spelling index's corrections, of the words the archive lacks (or, when it
  // has them all, of every word: one of them is then the typo).
  if (pagesHoldingEveryWord(pages) === 0) {
    const corrected = words.slice(0, MAX_CORRECTED_WORDS).map((_, index) => (unknownWord ? !expanded[index]!.known : true));
    const neighbourShards = await backend.spellingShardsOf(words.slice(0, MAX_CORRECTED_WORDS).filter((_, index) => corrected[index]));
    let shardIndex = 0;
    await Promise.all(
      words.map(async (word, index) => {
        const neighbours = corrected[index] ? spellingCandidates(word, neighbourShards[shardIndex++] ?? [], NEIGHBOURS_PER_WORD) : [];
        const looked = await Promise.all([
          ...plurals[index]!.filter((relative) => !sameShard(word, relative)).map((relative) => lookUp(relative, MATCH_COST.variant)),
          ...neighbours.map(({ word: neighbour, variant, distance }) => {
            // The closer spelling ranks first among pages holding as many words: التكاثر (a dot) before الكتاب.
            const cost = (variant ? MATCH_COST.variant : MATCH_COST.correction) + distance;
            return keyed[index] ? lookUp(neighbour, cost, neighbour) : [{ form: neighbour, cost, from: neighbour }];
          }),
        ]);
        await askRelated(index, looked.flat());
      }),
    );
  }
  // The stemmer is right about some words the archive lacks (نمودارها finds
  // the page holding نمودار) and wrong about others (الأخدوذ cut to أخ). Where
  // a form of the archive close to the word (another transliteration, a
  // plural, a correction within one edit) matched pages, the stemmer's pages
  // rank below them, not holding the word; where none did, they hold it as
  // its stem relatives, above corrections further off.
  expanded.forEach(({ known }, index) => {
    const matches = matchesPerWord[index]!;
    if (known || matches.some(({ cost }) => cost <= CLOSE_FORM_COST)) return;
    matchesPerWord[index] = matches.map((match) => (match.cost === MATCH_COST.stemmedOnly ? { ...match, cost: MATCH_COST.relative } : match));
  });
  pages = rankByWordsHeld(words, matchesPerWord);
  const first = pages[0];
  let answeredAs: string | undefined;
  if (first) {
    const shown = words.map((word, index) => {
      const form = first.matchedForms[index];
      return (form && replacedBy[index]!.get(form)) ?? word;
    });
    if (shown.some((word, index) => word !== words[index])) answeredAs = shown.join(' ');
  }
  return { pages, forms: allForms(), unknownWord, widened: true, answeredAs };
}

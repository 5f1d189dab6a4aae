/**
 * The article contract: every rule an article must meet, in one place that
 * the importer, the build and `npm run verify` all import — so what the
 * importer writes, the build builds, and a rule changed here changes for all
 * three. Fields and their limits, the identity of a name (the key that
 * decides an author's or a tag's URL), dates, the characters text may hold,
 * front matter, and the archive-wide rules.
 */
export {
  BIDI_CONTROLS,
  FORBIDDEN_IN_FIELD,
  FORBIDDEN_IN_TEXT,
  describeChar,
  describeRemoved,
  removeInvisible,
  textProblem,
  type RepairedText,
} from './characters.ts';
export { EARLIEST_YEAR, dateFix, dateProblem, daysInMonth, latestDate, parseArticleDate } from './dates.ts';
export { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_IMAGES, MAX_SOURCE_LENGTH, TRANSLATION_KEY, imageSizeProblem, sourceProblem } from './fields.ts';
export { FrontMatterError, parseFrontMatter, splitArticleFile, type SplitArticle } from './front-matter.ts';
export {
  MAX_AUTHOR_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  NameBook,
  authorPath,
  authorProblem,
  lookAlikeLetters,
  nameKey,
  normalizeName,
  tagPath,
  tagProblem,
  type JoinedName,
} from './names.ts';
export { articleSchema, checkFrontMatter, type ImageContext } from './schema.ts';
export { articleFileProblems, articleProblems } from './file.ts';
export { checkArchiveRules, type ArchiveEntry } from './archive-rules.ts';

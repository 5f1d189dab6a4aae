/**
 * Every setting Arshif takes from the environment, read and checked once,
 * here and nowhere else: a bad value stops the build, the importer or the
 * bench at the start with the variable's name and what it should be, never
 * halfway through. Everything else imports the values.
 *
 * Browser bundles import locale data that imports this; `process` is absent
 * there, so every value falls back to its default.
 */

type Environment = Record<string, string | undefined>;

/** A setting with a value it cannot take. */
export class SettingsError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${JSON.stringify(value)}: ${expected}. Fix the variable, or unset it for the default.`);
    this.name = 'SettingsError';
  }
}

function positiveInteger(env: Environment, variable: string): number | undefined {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new SettingsError(variable, value, 'expected a whole number of 1 or more');
  return Number(value);
}

/**
 * How Arabic pages name Gregorian months: «أغسطس» (the names of Egypt and the
 * Gulf), «آب» (the Levant's and Iraq's), or both, «أغسطس/آب», as BBC Arabic
 * writes them for readers of every region.
 */
export const ARABIC_MONTH_NAMES = ['gregorian', 'levantine', 'both'] as const;
export type ArabicMonthNames = (typeof ARABIC_MONTH_NAMES)[number];

function arabicMonthNames(env: Environment): ArabicMonthNames {
  const value = env.ARSHIF_ARABIC_MONTHS?.trim();
  if (!value) return 'gregorian';
  const known = ARABIC_MONTH_NAMES.find((names) => names === value.toLowerCase());
  if (!known) throw new SettingsError('ARSHIF_ARABIC_MONTHS', env.ARSHIF_ARABIC_MONTHS!, `expected one of ${ARABIC_MONTH_NAMES.join(', ')}`);
  return known;
}

/** One shard of a build split across jobs: the `index`-th (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `2/8` (ARSHIF_SHARD or `--shard 2/8`): the second of eight shards. */
function shardSetting(value: string | undefined, variable: string): Shard | undefined {
  // An empty variable is unset; `--shard` with nothing after it is a mistake.
  if (value === undefined || (value.trim() === '' && !variable.startsWith('--'))) return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new SettingsError(variable, value, 'expected a shard as I/N, such as 2/8 (from 1 to N)');
  return { index, count };
}

/** The value of `--name value` or `--name=value` among the command's arguments. */
function argument(argv: readonly string[], name: string): string | undefined {
  for (let at = 0; at < argv.length; at++) {
    const given = argv[at]!;
    if (given === `--${name}`) return argv[at + 1] ?? '';
    if (given.startsWith(`--${name}=`)) return given.slice(name.length + 3);
  }
  return undefined;
}

/** A shard's folder in the shards folder (`2-of-8`), as the assemble step finds it. */
export function shardFolderName(shard: Shard): string {
  return `${shard.index}-of-${shard.count}`;
}

export interface Settings {
  /** ARSHIF_CONTENT_DIR: the archive's folder of <locale>/<slug>.mdx (the build, the importer and verify). */
  contentDir: string;
  /** ARSHIF_CACHE_DIR: Astro's cache folder; tests and the bench give each build its own. A shard's is beside it, `<cacheDir>-shard-2-of-8`. */
  cacheDir: string;
  /** ARSHIF_SHARD or `astro build --shard I/N`: this build renders only that shard's article pages and index parts, into its shard folder. */
  shard: Shard | undefined;
  /** ARSHIF_ASSEMBLE=1 or `astro build --assemble`: this build renders the archive-wide pages and merges the shards' into its outDir. */
  assemble: boolean;
  /** ARSHIF_SHARDS_DIR: where shard builds write their folders and the assemble step reads them; ./dist-shards by default. */
  shardsDir: string;
  /** ARSHIF_CHANGES_FILE: where a build writes which files of its outDir it added, changed and removed; `<outDir>.changes.json` by default. */
  changesFile: string | undefined;
  /** ARSHIF_LOCALES: the locale packs turned on, as given (src/i18n/locales.ts checks them against the packs); undefined for the packs' defaults. */
  locales: string[] | undefined;
  /** ARSHIF_INDEX_PART_PAGES: pages per search-index part, when not the default (the tests use small parts). */
  indexPartPages: number | undefined;
  /** ARSHIF_FIRST_SEARCH_BYTES: the first search's byte budget for index parts, when not the default. */
  firstSearchBytes: number | undefined;
  /** ARSHIF_ARABIC_MONTHS: how Arabic pages name Gregorian months, «أغسطس», «آب» or «أغسطس/آب»; gregorian by default. */
  arabicMonths: ArabicMonthNames;
  /** BASE_PATH: the subfolder the site is served from, `/` or `/archive/`. */
  base: string;
  /** PORT: the local server's port (npm start, npm run preview). */
  port: number;
  /** SITE_URL: the public origin for canonical URLs, feeds and the sitemap; the local server's without it. */
  site: string;
}

/** Reads and checks every setting of `env` and of the command's arguments (`--shard`, `--assemble`). */
export function readSettings(env: Environment, argv: readonly string[] = []): Settings {
  const portText = env.PORT;
  const port = positiveInteger(env, 'PORT') ?? 4321;
  if (port > 65535) throw new SettingsError('PORT', portText!, 'expected a port number from 1 to 65535');
  const base = env.BASE_PATH || '/';
  if (!base.startsWith('/')) throw new SettingsError('BASE_PATH', base, 'expected a path starting with "/", such as /archive/');
  const site = env.SITE_URL || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new SettingsError('SITE_URL', site, 'expected an absolute URL such as https://archive.example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingsError('SITE_URL', site, 'expected an http or https URL');
  const locales = env.ARSHIF_LOCALES?.trim()
    ? [
        ...new Set(
          env.ARSHIF_LOCALES.split(',')
            .map((code) => code.trim())
            .filter(Boolean),
        ),
      ]
    : undefined;
  const shardArgument = argument(argv, 'shard');
  const shard = shardArgument !== undefined ? shardSetting(shardArgument, '--shard') : shardSetting(env.ARSHIF_SHARD, 'ARSHIF_SHARD');
  const assemble = argv.includes('--assemble') || env.ARSHIF_ASSEMBLE === '1';
  if (shard && assemble) throw new SettingsError('ARSHIF_ASSEMBLE', '1', 'a shard build cannot also assemble; run the shards first, then assemble');
  const cacheDir = env.ARSHIF_CACHE_DIR || './node_modules/.astro';
  return {
    contentDir: env.ARSHIF_CONTENT_DIR || './content',
    // Shards running side by side on one machine must not share Astro's content store or page cache.
    cacheDir: shard ? `${cacheDir}-shard-${shardFolderName(shard)}` : cacheDir,
    shard,
    assemble,
    shardsDir: env.ARSHIF_SHARDS_DIR || './dist-shards',
    changesFile: env.ARSHIF_CHANGES_FILE || undefined,
    locales,
    indexPartPages: positiveInteger(env, 'ARSHIF_INDEX_PART_PAGES'),
    firstSearchBytes: positiveInteger(env, 'ARSHIF_FIRST_SEARCH_BYTES'),
    arabicMonths: arabicMonthNames(env),
    base,
    port,
    site,
  };
}

/** This process's settings. */
const nodeProcess = (globalThis as { process?: { env?: Environment; argv?: string[] } }).process;
const commandArguments = nodeProcess?.argv?.slice(2) ?? [];
/** This process's settings; the arguments count only for `astro build` (vitest, for one, has a --shard of its own). */
export const settings: Settings = readSettings(nodeProcess?.env ?? {}, commandArguments[0] === 'build' ? commandArguments : []);

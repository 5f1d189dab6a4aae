import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's own modules a few entry modules import, transitively, read
 * from their source text: what the build must treat as one input (the search
 * index's code key, src/integrations/pagefind.ts) and what the structure
 * tests check for cycles. A regex over the text, not a parser: it runs once
 * per build over about a hundred files, and a rare false match (an import
 * quoted in a comment) only adds a file that exists.
 */

/**
 * Files whose imports are followed. Anything else a module imports
 * (stylesheets, fonts, `?url` assets) is left out: it decides how a page
 * looks, not what it holds, and its own imports are not JavaScript.
 */
const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.astro'];

/** Tried, in order, for a specifier written without its extension. */
const RESOLVED_SUFFIXES = ['', ...MODULE_EXTENSIONS, ...MODULE_EXTENSIONS.map((extension) => `/index${extension}`)];

/**
 * `import … from '…'` and `export … from '…'` (type-only ones too: a cycle
 * of types is a cycle of modules), `import '…'`, and `import('…')` with a
 * literal. The clause before `from` holds no quote or semicolon, so a match
 * never runs from one statement into the next.
 */
const SPECIFIER_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

/**
 * The part of a file that imports modules at build time: an Astro
 * component's frontmatter (its `<script>` tags are client code, bundled
 * apart), the whole of any other module.
 */
export function moduleCode(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return frontmatter?.[1] ?? '';
}

/** The specifiers a module imports that are relative paths (`./`, `../`), in order of first appearance, without `?query` suffixes. */
export function relativeSpecifiers(file: string, text: string): string[] {
  const code = moduleCode(file, text);
  const found: { at: number; specifier: string }[] = [];
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2]!;
      // Packages (astro, node:fs) and virtual modules (astro:content) are not the project's files.
      if (specifier.startsWith('./') || specifier.startsWith('../')) found.push({ at: match.index, specifier: specifier.replace(/[?#].*$/, '') });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map(({ specifier }) => specifier))];
}

/** Reads a file by its absolute path; undefined when there is none. */
export type ReadSource = (absolutePath: string) => string | undefined;

const readFromDisk: ReadSource = (absolutePath) => {
  try {
    return readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
};

export interface ModuleGraph {
  /** Every module reached, the entries included: root-relative, `/`-separated, sorted. */
  files: string[];
  /** Each reached module's own modules it imports directly, in the same form, sorted. */
  imports: Map<string, string[]>;
}

const isModule = (file: string) => MODULE_EXTENSIONS.some((extension) => file.endsWith(extension));

/**
 * The modules `entries` (root-relative paths) import, transitively, through
 * relative specifiers. An entry that does not exist is an error (a renamed
 * entry must not shrink the graph unnoticed); an import that resolves to no
 * file is left out (the build reports it).
 */
export function moduleGraph(root: string, entries: readonly string[], read: ReadSource = readFromDisk): ModuleGraph {
  const sources = new Map<string, string | undefined>();
  const source = (relative: string) => {
    if (!sources.has(relative)) sources.set(relative, read(path.join(root, relative)));
    return sources.get(relative);
  };
  const toRelative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = toRelative(path.resolve(root, path.dirname(from), specifier));
    return RESOLVED_SUFFIXES.map((suffix) => base + suffix).find((candidate) => isModule(candidate) && source(candidate) !== undefined);
  };

  const imports = new Map<string, string[]>();
  const pending = entries.map((entry) => {
    const relative = toRelative(path.resolve(root, entry));
    if (source(relative) === undefined) throw new Error(`module graph: entry ${entry} does not exist under ${root}`);
    return relative;
  });
  while (pending.length) {
    const file = pending.pop()!;
    if (imports.has(file)) continue;
    const targets = new Set<string>();
    for (const specifier of relativeSpecifiers(file, source(file)!)) {
      const target = resolve(file, specifier);
      if (target) targets.add(target);
    }
    imports.set(file, [...targets].sort());
    for (const target of targets) if (!imports.has(target)) pending.push(target);
  }
  return { files: [...imports.keys()].sort(), imports: new Map([...imports].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/**
 * The import cycles among the modules of a graph: one cycle (its modules in
 * import order, starting from its first module in sort order) per strongly
 * connected group of modules that import one another, and per module that
 * imports itself. Empty when the graph has none.
 */
export function importCycles(graph: ModuleGraph): string[][] {
  const { files } = graph;
  const edges = (file: string) => graph.imports.get(file) ?? [];
  // Tarjan's strongly connected components, iteratively (no recursion limit on deep graphs).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work: { file: string; next: number }[] = [{ file: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work.at(-1)!;
      const targets = edges(frame.file);
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.file);
      if (group.length > 1 || edges(frame.file).includes(frame.file)) groups.push(group);
    }
  }
  return groups.map((group) => cycleThrough(group.sort(), edges)).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** One cycle through a group's first module, by the shortest way back to it inside the group. */
function cycleThrough(group: string[], edges: (file: string) => string[]): string[] {
  const members = new Set(group);
  const first = group[0]!;
  const previous = new Map<string, string>();
  const queue = [first];
  for (let at = 0; at < queue.length; at++) {
    const file = queue[at]!;
    for (const target of edges(file)) {
      if (!members.has(target)) continue;
      if (target === first) {
        const cycle = [file];
        while (cycle[0] !== first) cycle.unshift(previous.get(cycle[0]!)!);
        return cycle;
      }
      if (!previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return group;
}

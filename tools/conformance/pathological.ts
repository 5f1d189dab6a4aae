/**
 * Markdown inputs known to make parsers slow or deep: cmark's pathological
 * tests as markdown-it ports them (test/markdown-it/pathological.test.mjs of
 * github:markdown-it/markdown-it, MIT licence, © 2014 Vitaly Puzrin, Alex
 * Kocharin), plus the round-3 report's deeply nested list and emphasis. Each
 * is a generator, so nothing large is stored.
 */
export const PATHOLOGICAL_INPUTS: readonly { name: string; make: () => string }[] = [
  { name: 'nested inlines', make: () => `${'*'.repeat(60000)}a${'*'.repeat(60000)}` },
  { name: 'nested strong emph', make: () => `${'*a **a '.repeat(5000)}b${' a** a*'.repeat(5000)}` },
  { name: 'many emph closers with no openers', make: () => 'a_ '.repeat(30000) },
  { name: 'many emph openers with no closers', make: () => '_a '.repeat(30000) },
  { name: 'many link closers with no openers', make: () => 'a]'.repeat(10000) },
  { name: 'many link openers with no closers', make: () => '[a'.repeat(10000) },
  { name: 'mismatched openers and closers', make: () => '*a_ '.repeat(50000) },
  { name: 'commonmark/cmark#389', make: () => `${'*a '.repeat(20000)}${'_a*_ '.repeat(20000)}` },
  { name: 'openers and closers multiple of 3', make: () => `a**b${'c* '.repeat(50000)}` },
  { name: 'link openers and emph closers', make: () => '[ a_'.repeat(10000) },
  { name: 'pattern [ (]( repeated', make: () => '[ (]('.repeat(40000) },
  { name: 'pattern ![[]() repeated', make: () => '![[]()'.repeat(20000) },
  { name: 'nested brackets', make: () => `${'['.repeat(20000)}a${']'.repeat(20000)}` },
  { name: 'nested block quotes', make: () => `${'> '.repeat(50000)}a` },
  { name: 'deeply nested lists', make: () => Array.from({ length: 1000 }, (_, x) => `${'  '.repeat(x)}* a\n`).join('') },
  { name: 'U+0000 in input', make: () => 'abc\u0000de\u0000'.repeat(100000) },
  { name: 'backticks', make: () => Array.from({ length: 3000 }, (_, x) => `e${'`'.repeat(x)}`).join('') },
  { name: 'unclosed links A', make: () => '[a](<b'.repeat(30000) },
  { name: 'unclosed links B', make: () => '[a](b'.repeat(30000) },
  { name: 'unclosed <!--', make: () => `</${'<!--'.repeat(100000)}` },
  { name: 'empty lines in deeply nested lists', make: () => `${'- '.repeat(30000)}x${'\n'.repeat(30000)}` },
  { name: 'empty lines in deeply nested lists in blockquote', make: () => `> ${'- '.repeat(30000)}x\n${'>\n'.repeat(30000)}` },
  { name: 'emph in deep blockquote', make: () => `${'>'.repeat(100000)}${'a*'.repeat(100000)}` },
  { name: 'emphasis **_* pattern', make: () => '**_* '.repeat(50000) },
  { name: 'backtick ``\\``\\`` pattern', make: () => '``\\'.repeat(50000) },
  { name: 'autolinks <<<<...<<> pattern', make: () => `${'<'.repeat(400000)}>` },
  { name: 'hardbreak whitespaces pattern', make: () => `x${' '.repeat(150000)}x  \nx` },
  { name: 'URL followed by trailing asterisks', make: () => `https://test.com?${'*'.repeat(70000)}a` },
  { name: 'a lot of quotes', make: () => '"'.repeat(160000) },
  { name: 'nested list, 19 KB', make: () => Array.from({ length: 190 }, (_, x) => `${'  '.repeat(x)}- a\n`).join('') },
  { name: 'nested emphasis, 27 KB', make: () => `${'*a _'.repeat(3400)}b${'_ a*'.repeat(3400)}` },
];

import { printable } from './printable.ts';

/**
 * An input problem the reader can fix: the message names the file, the line
 * or field when there is one, and what to do; control characters in it are
 * written as escapes (\x1b), so printing it cannot drive the terminal.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, problem: string, fix: string, line?: number) {
    // Control characters (a file name with an escape sequence, a tag from a YAML escape) are shown escaped, never raw.
    super(printable(`${file}${line ? `:${line}` : ''}: ${problem} ${fix}`));
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
  }
}

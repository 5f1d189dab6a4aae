/**
 * An input problem the reader can fix: the message names the file, the line
 * or field when there is one, and what to do.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, problem: string, fix: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${problem} ${fix}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
  }
}

import { ImportError } from '../errors.ts';
import { DEFAULT_MAX_LINE_LENGTH, type ParseLimits } from '../parse.ts';

/** Refuses a line longer than the limit, naming it: such a line is rarely article text. */
export function checkLineLengths(lines: readonly string[], file: string, limits: ParseLimits = { maxLineLength: DEFAULT_MAX_LINE_LENGTH }): void {
  const index = lines.findIndex((line) => line.length > limits.maxLineLength);
  if (index === -1) return;
  throw new ImportError(
    file,
    `has a line of ${lines[index]!.length.toLocaleString('en')} characters (the limit is ${limits.maxLineLength.toLocaleString('en')}).`,
    'Split it into paragraphs; a line this long is usually not article text (raise it with --max-line if it is).',
    index + 1,
  );
}

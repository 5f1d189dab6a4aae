/**
 * Widths offered for a photograph in a srcset: the wanted ones narrower than
 * the original, and the original itself capped at the widest wanted — never
 * an upscaled copy, and never an empty list (a photograph narrower than every
 * wanted width is offered at its own width).
 */
export function imageWidths(originalWidth: number, wanted: readonly number[] = [480, 800, 1200]): number[] {
  return [...new Set([...wanted.filter((width) => width < originalWidth), Math.min(originalWidth, wanted.at(-1)!)])].sort((a, b) => a - b);
}

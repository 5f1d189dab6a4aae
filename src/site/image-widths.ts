/**
 * Widths offered for a photograph in a srcset: the wanted ones narrower than
 * the original, and the original itself capped at the widest wanted — never
 * an upscaled copy, and never an empty list (a photograph narrower than every
 * wanted width is offered at its own width).
 */
export function imageWidths(originalWidth: number, wanted: readonly number[] = [480, 800, 1200]): number[] {
  return [...new Set([...wanted.filter((width) => width < originalWidth), Math.min(originalWidth, wanted.at(-1)!)])].sort((a, b) => a - b);
}

/**
 * A list card's photograph is a thumbnail beside its title (global.css,
 * .article-card-image): 6.5 rem wide on a phone, 10 rem from 40 rem. These are
 * the widths offered for it (each at 1×, 2× and 3× screens) and the sizes
 * that tell the browser which to fetch, so a thumbnail never downloads a
 * photograph made for the full column.
 */
export const THUMBNAIL_WIDTHS = [160, 240, 320, 480] as const;
export const THUMBNAIL_SIZES = '(min-width: 40rem) 10rem, 6.5rem';

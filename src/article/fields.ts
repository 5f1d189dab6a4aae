/** Limits of an article's fields other than names (src/article/names.ts holds those of tags and bylines). */

/** A source is a URL or a short description ("Reuters", "Al-Ahram, 12 May 1967, p. 3"). */
export const MAX_SOURCE_LENGTH = 500;
/** Photographs one article may show. */
export const MAX_IMAGES = 100;
/** A translation group is named by its original, `<locale>/<slug>`. */
export const TRANSLATION_KEY = /^[a-z]{2,3}\/[^/\s]+$/;

/** Why a source cannot be stored, or null. */
export function sourceProblem(source: string): string | null {
  const length = [...source.replace(/\s+/gu, ' ').trim()].length;
  return length > MAX_SOURCE_LENGTH ? `is ${length} characters long (the limit is ${MAX_SOURCE_LENGTH}): a source is a URL or a short description` : null;
}

/**
 * Largest photograph, in pixels over all its frames, and longest side: a
 * decompression bomb (a few hundred KB that decode to gigabytes) is refused
 * at import and at build, before anything decodes it. 40 megapixels holds
 * any camera's photograph or a newspaper page's scan.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 12_000;

/** Why a photograph of this size is refused, or null. `frames` counts an animation's pictures, each decoded. */
export function imageSizeProblem(width: number, height: number, frames = 1): string | null {
  if (!(width > 0 && height > 0)) return `has no width and height (${width}×${height})`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    return `is ${width}×${height} pixels, over the limit of ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels a side`;
  const pixels = width * height * frames;
  if (pixels > MAX_IMAGE_PIXELS)
    return `is ${width}×${height} pixels${frames > 1 ? ` × ${frames} frames` : ''} (${(pixels / 1e6).toFixed(1)} megapixels), over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels`;
  return null;
}

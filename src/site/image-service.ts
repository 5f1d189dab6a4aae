import type { LocalImageService } from 'astro';
import sharpService, { type SharpImageServiceConfig } from 'astro/assets/services/sharp';

/**
 * astro:assets' sharp service, with one difference: when sharp cannot encode
 * a photograph (a decompression bomb over its pixel limit, a damaged file),
 * Astro's own service logs a warning and returns the original bytes, which
 * the build then publishes under the optimized name — `.webp`, `.jpg`, the
 * og:image — at full size. Here that fails the build, naming the file: an
 * unoptimized original is never published under another format's name.
 */
const strictSharpService: LocalImageService<SharpImageServiceConfig> = {
  ...sharpService,
  async transform(inputBuffer, transform, config, logger) {
    const result = await sharpService.transform(inputBuffer, transform, config, logger);
    if (result.data === inputBuffer)
      throw new Error(
        `${String(transform.src)} could not be optimized to ${String(transform.format ?? 'its format')} (sharp could not decode it, or it is over the pixel limit); it is not published as it is. Resize it or save it again, and import it again.`,
      );
    return result;
  },
};

export default strictSharpService;

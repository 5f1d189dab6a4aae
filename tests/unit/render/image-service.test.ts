import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import type { AstroConfig } from 'astro';
import strictSharpService from '../../../src/site/image-service.ts';
import { z } from 'astro/zod';
import { articleSchema, MAX_IMAGE_PIXELS } from '../../../src/article/index.ts';
import { pngBomb } from '../../helpers/image-bombs.ts';

const photograph = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/rich/media/harbour.jpg', import.meta.url))));

/** astro:assets' image config as the build passes it, with the site's pixel limit unless given. */
function imageConfig(limitInputPixels = MAX_IMAGE_PIXELS): AstroConfig['image'] {
  return { service: { entrypoint: './src/site/image-service.ts', config: { limitInputPixels } } } as unknown as AstroConfig['image'];
}

const logger = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {} } as never;

describe("the site's image service never publishes an original it could not optimize", () => {
  test('a photograph is optimized to the format asked for', async () => {
    const result = await strictSharpService.transform(photograph, { src: '/harbour.jpg', width: 480, format: 'webp' }, imageConfig(), logger);
    expect(result.format).toBe('webp');
    expect((await sharp(result.data).metadata()).width).toBe(480);
  });

  test('over the pixel limit, sharp cannot encode it: the build fails naming the file instead of writing the original as .webp', async () => {
    // harbour.jpg is 1000×600: a limit below that makes sharp refuse it as it refuses a bomb.
    await expect(strictSharpService.transform(photograph, { src: '/harbour.jpg', width: 480, format: 'webp' }, imageConfig(100_000), logger)).rejects.toThrow(
      '/harbour.jpg could not be optimized to webp (sharp could not decode it, or it is over the pixel limit); it is not published as it is.',
    );
  });

  test('a decompression bomb (a PNG claiming 8000×8000, 64 megapixels) fails the build with its name, under the real limit', async () => {
    await expect(
      strictSharpService.transform(new Uint8Array(pngBomb(8000, 8000)), { src: '/bomb.png', width: 800, format: 'webp' }, imageConfig(), logger),
    ).rejects.toThrow(/\/bomb\.png could not be optimized to webp/);
  });
});

describe("the build's schema refuses a photograph over the contract's size before sharp decodes it", () => {
  // In the build, image() gives astro:assets' metadata of the file; this is its shape.
  const schema = articleSchema({ image: () => z.object({ src: z.string(), width: z.number(), height: z.number(), format: z.string() }) });
  const photo = (width: number, height: number) => ({ src: '/content/en/a/bomb.png', width, height, format: 'png' });

  test('a bomb put in the folder by hand fails, naming the file and the limit', () => {
    const result = schema.safeParse({ title: 'T', images: [photo(1000, 600), photo(20_000, 20_000)] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'images.1: the photograph /content/en/a/bomb.png is 20000×20000 pixels, over the limit of 12,000 pixels a side',
    ]);
  });

  test('a photograph within the limits passes', () => {
    expect(schema.safeParse({ title: 'T', images: [photo(6000, 4000)] }).success).toBe(true);
  });
});

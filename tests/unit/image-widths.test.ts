import { expect, test } from 'vitest';
import { imageWidths } from '../../src/site/image-widths.ts';

test('a photograph is offered at the wanted widths it can fill, never upscaled, never at no width', () => {
  expect(imageWidths(1000)).toEqual([480, 800, 1000]);
  expect(imageWidths(4000)).toEqual([480, 800, 1200]);
  expect(imageWidths(640, [320, 640])).toEqual([320, 640]);
  expect(imageWidths(200, [320, 640])).toEqual([200]);
});

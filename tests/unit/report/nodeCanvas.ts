// The figures' PNG for the Word report drawn in Node by a real 2D canvas (Skia, @napi-rs/canvas),
// through the same drawing code the report worker runs on an OffscreenCanvas in the browser.
import { createCanvas } from '@napi-rs/canvas';
import type { Rasterizer } from '../../../src/report/graphics/rasterize';
import { type Canvas2D, drawScene } from '../../../src/report/graphics/scene';

export const nodeRasterizer: Rasterizer = async (scene, scale) => {
  const canvas = createCanvas(Math.ceil(scene.width * scale), Math.ceil(scene.height * scale));
  drawScene(canvas.getContext('2d') as unknown as Canvas2D, scene, scale);
  return new Uint8Array(await canvas.encode('png'));
};

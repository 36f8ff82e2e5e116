// A scene drawn as a PNG, for the Word report (docx embeds bitmaps). In the report worker this is
// an OffscreenCanvas (Chromium, Firefox, Safari 17+); where none exists the caller gets null and the
// document says the figure could not be drawn instead of failing.
import { type Canvas2D, drawScene, type Scene } from './scene';

export type Rasterizer = (scene: Scene, scale: number) => Promise<Uint8Array | null>;

export const offscreenRasterizer: Rasterizer = async (scene, scale) => {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(Math.ceil(scene.width * scale), Math.ceil(scene.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  drawScene(ctx as unknown as Canvas2D, scene, scale);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
};

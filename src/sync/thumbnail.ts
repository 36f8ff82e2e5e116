// The thumbnail of a downloaded photo, made like the device's own (src/photos): long side
// PHOTO_THUMB_LONG_SIDE_PX, JPEG. Where the browser lacks OffscreenCanvas the full photo serves.
import { fitWithin } from '../photos/geometry';
import { PHOTO_THUMB_LONG_SIDE_PX } from '../shared/constants';

const THUMB_JPEG_QUALITY = 0.7;

export async function makeThumbnail(photo: Blob): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') return photo;
  try {
    const bitmap = await createImageBitmap(photo);
    try {
      const size = fitWithin(bitmap.width, bitmap.height, PHOTO_THUMB_LONG_SIDE_PX);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (!context) return photo;
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: THUMB_JPEG_QUALITY });
    } finally {
      bitmap.close();
    }
  } catch {
    return photo;
  }
}

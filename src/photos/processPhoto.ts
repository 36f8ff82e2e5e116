// Turns a camera file into the photo Terrain stores: decoded upright (EXIF orientation applied),
// resized, re-encoded as JPEG (a logo as PNG), hashed, with a thumbnail for lists. Runs inside the
// photo worker: decoding a 12-megapixel JPEG takes long enough to freeze the screen if done on
// the UI thread.
import { readPhotoMetadata } from './exif';
import { fitWithin } from './geometry';
import type { PhotoErrorCode, PhotoJob, ProcessedPhoto } from './messages';

export class PhotoError extends Error {
  constructor(readonly code: PhotoErrorCode) {
    super(code);
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // The browser could not read it: an image type that is broken, or something else renamed .jpg.
    throw new PhotoError(file.type === '' || file.type.startsWith('image/') ? 'corrupt-image' : 'not-an-image');
  }
}

function draw(source: CanvasImageSource, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('worker-failed');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  return canvas;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function processPhoto(job: Omit<PhotoJob, 'jobId'>): Promise<ProcessedPhoto> {
  const { file } = job;
  if (file.type !== '' && !file.type.startsWith('image/')) throw new PhotoError('not-an-image');
  if (file.size === 0) throw new PhotoError('corrupt-image');
  // EXIF first: re-encoding through a canvas drops it.
  const metadata = await readPhotoMetadata(file);
  const bitmap = await decode(file);
  try {
    const size = fitWithin(bitmap.width, bitmap.height, job.maxLongSidePx);
    const canvas = draw(bitmap, size.width, size.height);
    // JPEG has no transparency (a logo's clear background would turn black): PNG, which both the
    // Word and the PDF writers embed, unless the file was a JPEG already.
    const mime = job.keepTransparency && file.type !== 'image/jpeg' ? 'image/png' : 'image/jpeg';
    const blob = await canvas.convertToBlob({ type: mime, quality: job.quality });
    const thumbSize = fitWithin(size.width, size.height, job.thumbLongSidePx);
    const thumb = await draw(canvas, thumbSize.width, thumbSize.height).convertToBlob({ type: mime, quality: 0.7 });
    const hash = toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    return { blob, thumb, hash, mime, ...size, bytes: blob.size, ...metadata };
  } finally {
    bitmap.close();
  }
}

// What the UI thread and the photo worker say to each other. A photo travels as a Blob (passed by
// reference, not copied) and comes back small, upright, hashed, with its EXIF date and position.

/** Why a file could not become a photo; mapped to a French message at the screen. */
export type PhotoErrorCode = 'not-an-image' | 'corrupt-image' | 'worker-failed';

export interface PhotoJob {
  jobId: number;
  file: Blob;
  maxLongSidePx: number;
  quality: number;
  thumbLongSidePx: number;
  /** A logo: a PNG (or WebP, GIF…) is re-encoded as PNG so its transparency survives; a JPEG stays JPEG. */
  keepTransparency?: boolean;
}

export interface ProcessedPhoto {
  /** The re-encoded JPEG (PNG for a logo with transparency), long side at most maxLongSidePx. */
  blob: Blob;
  thumb: Blob;
  /** SHA-256 of `blob`, lowercase hex: the key of the bytes everywhere (device, wire, server). */
  hash: string;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  bytes: number;
  /** When the picture was taken, from EXIF (ISO instant), if the camera wrote it. */
  takenAt: string | null;
  exifLat: number | null;
  exifLon: number | null;
}

export type PhotoJobResult =
  | { jobId: number; ok: true; photo: ProcessedPhoto }
  | { jobId: number; ok: false; error: PhotoErrorCode };

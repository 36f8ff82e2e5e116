// The EXIF facts a photo keeps after re-encoding drops its metadata: when it was taken and where.
// Read with exifr before the image is decoded; a file without EXIF simply has none.
import exifr from 'exifr/dist/lite.esm.mjs';

export interface PhotoMetadata {
  takenAt: string | null;
  exifLat: number | null;
  exifLon: number | null;
}

const NONE: PhotoMetadata = { takenAt: null, exifLat: null, exifLon: null };

const finite = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;

/** exifr's parse output -> our metadata; anything missing or out of range becomes null. */
export function metadataFromExif(tags: Record<string, unknown> | undefined | null): PhotoMetadata {
  if (!tags) return NONE;
  const date = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.ModifyDate;
  const takenAt = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  const exifLat = finite(tags.latitude, -90, 90);
  const exifLon = finite(tags.longitude, -180, 180);
  // A position needs both coordinates; (0, 0) is what some phones write when they had no fix.
  if (exifLat == null || exifLon == null || (exifLat === 0 && exifLon === 0)) return { ...NONE, takenAt };
  return { takenAt, exifLat, exifLon };
}

/** Reads date and GPS from a photo file; never throws (a photo without readable EXIF is fine). */
export async function readPhotoMetadata(file: Blob | ArrayBuffer | Uint8Array): Promise<PhotoMetadata> {
  try {
    const tags = await exifr.parse(file, {
      tiff: true,
      exif: { pick: ['DateTimeOriginal', 'CreateDate'] },
      gps: true,
      ifd1: false,
      interop: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
    });
    return metadataFromExif(tags);
  } catch {
    return NONE;
  }
}

import { describe, expect, it } from 'vitest';
import { metadataFromExif, readPhotoMetadata } from '../../../src/photos/exif';
import { withExif } from '../../e2e/support/jpeg';

// Enough of a JPEG for a metadata reader: start marker, (APP1 spliced in), end marker.
const bareJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

describe('photo metadata kept from EXIF', () => {
  it('reads the date taken and the GPS position a phone wrote', async () => {
    const file = withExif(bareJpeg, {
      orientation: 6,
      dateTimeOriginal: '2024:07:23 10:15:00',
      gps: { lat: 14.4951, lon: -4.1963 },
    });
    const metadata = await readPhotoMetadata(new Uint8Array(file));
    expect(metadata.takenAt).toBe(new Date(2024, 6, 23, 10, 15, 0).toISOString());
    expect(metadata.exifLat).toBeCloseTo(14.4951, 4);
    expect(metadata.exifLon).toBeCloseTo(-4.1963, 4);
  });

  it('has no date and no position for a photo without EXIF', async () => {
    expect(await readPhotoMetadata(new Uint8Array(bareJpeg))).toEqual({ takenAt: null, exifLat: null, exifLon: null });
  });

  it('never throws on a file that is not an image', async () => {
    expect(await readPhotoMetadata(new TextEncoder().encode('pas une image'))).toEqual({
      takenAt: null,
      exifLat: null,
      exifLon: null,
    });
  });

  it('drops a (0, 0) position, written by phones that had no fix', () => {
    const when = new Date('2024-07-23T10:15:00Z');
    expect(metadataFromExif({ DateTimeOriginal: when, latitude: 0, longitude: 0 })).toEqual({
      takenAt: '2024-07-23T10:15:00.000Z',
      exifLat: null,
      exifLon: null,
    });
  });

  it('drops a half or out-of-range position', () => {
    expect(metadataFromExif({ latitude: 12.6 })).toEqual({ takenAt: null, exifLat: null, exifLon: null });
    expect(metadataFromExif({ latitude: 95, longitude: 3 }).exifLat).toBeNull();
  });

  it('falls back to the creation date when the original date is missing', () => {
    expect(metadataFromExif({ CreateDate: new Date('2024-07-24T08:00:00Z') }).takenAt).toBe('2024-07-24T08:00:00.000Z');
  });
});

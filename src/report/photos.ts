// Reads a report photo's bytes and works out how big to print it. A photo whose bytes are not on
// this device, or in a format the documents cannot embed, still gets its caption and a note saying
// why the picture is missing: one bad photo must not stop the whole report.
import type { MissionBundle } from './bundle';
import { reportLabels as L } from './labels';
import type { ReportPhoto } from './model';

export interface LoadedPhoto {
  kind: 'jpg' | 'png';
  bytes: Uint8Array;
  /** Printed size in CSS pixels (96 to the inch), fitted into the box given to `loadPhoto`. */
  width: number;
  height: number;
}

function kindOf(bytes: Uint8Array): LoadedPhoto['kind'] | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

/** Scales width×height down (never up) to fit in maxWidth×maxHeight, keeping the proportions. */
export function fitInto(width: number, height: number, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / width, maxHeight / height, 1);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export async function loadPhoto(
  bundle: MissionBundle,
  item: ReportPhoto,
  box: { maxWidth: number; maxHeight: number },
): Promise<LoadedPhoto | { missing: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await bundle.photoBytes(item.photo.hash);
  } catch {
    return { missing: L.photoMissing(item.number) };
  }
  const kind = kindOf(bytes);
  if (!kind) return { missing: L.photoUnsupported(item.number) };
  return { kind, bytes, ...fitInto(item.photo.width, item.photo.height, box.maxWidth, box.maxHeight) };
}

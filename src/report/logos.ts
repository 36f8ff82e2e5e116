// The title page's logos (up to three, stored by hash like photos): read, typed and sized to fit a
// band at the top of the page. A logo this device does not hold is skipped, not an error.
import type { MissionBundle } from './bundle';
import { imageSize } from './imageSize';
import { fitInto, type LoadedPhoto } from './photos';

export async function loadLogos(
  bundle: MissionBundle,
  hashes: readonly string[],
  box: { maxWidth: number; maxHeight: number },
): Promise<LoadedPhoto[]> {
  const out: LoadedPhoto[] = [];
  for (const hash of hashes) {
    const bytes = await bundle.photoBytes(hash).catch(() => null);
    const size = bytes && imageSize(bytes);
    if (!bytes || !size) continue;
    out.push({
      kind: bytes[0] === 0x89 ? 'png' : 'jpg',
      bytes,
      ...fitInto(size.width, size.height, box.maxWidth, box.maxHeight),
    });
  }
  return out;
}

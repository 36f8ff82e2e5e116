// What kind of image a file is, by its first bytes (magic numbers), never by what the device says:
// the store keeps only JPEG, PNG and WebP, the types the app makes and browsers show.
import fs from 'node:fs';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** Bytes needed to tell the three types apart. */
const SNIFF_BYTES = 12;

const startsWith = (bytes: Buffer, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function imageMimeOf(head: Buffer): PhotoMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

export async function imageMimeOfFile(file: string): Promise<PhotoMime | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return imageMimeOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

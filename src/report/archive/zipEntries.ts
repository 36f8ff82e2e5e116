// Reading a ZIP file one entry at a time, from a Blob (the chosen file), so a phone never holds the
// whole archive, nor all of it unzipped, in memory. The central directory (at the end of the file)
// lists the entries with the sizes they declare; each entry is then inflated on its own, in slices,
// counting the bytes that really come out: a file cannot grow past the archive's limit whatever
// its headers say. Only what our exporter writes is read: no ZIP64, no encryption.
import { Inflate } from 'fflate';
import { ArchiveError } from './format';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The unzipped size the archive claims (not trusted: checked while inflating). */
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
/** Compressed bytes read from the file at a time. */
const READ_BYTES = 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at a time: fflate inflates a whole push before it hands
 * anything out, and DEFLATE can grow about 1,000-fold, so a push stays small (at most ~16 MB out).
 */
const INFLATE_BYTES = 16 * 1024;

const unreadable = (detail: string) => new ArchiveError('archive-unreadable', detail);

async function readBytes(zip: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > zip.size || start > end) throw unreadable('outside the file');
  return new DataView(await zip.slice(start, end).arrayBuffer());
}

/** The entries of the central directory, in order; refuses what is not a plain ZIP. */
export async function listZipEntries(zip: Blob): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, zip.size - EOCD_BYTES - MAX_COMMENT_BYTES);
  const tail = await readBytes(zip, tailStart, zip.size);
  let eocd = -1;
  for (let at = tail.byteLength - EOCD_BYTES; at >= 0 && eocd < 0; at--) {
    if (tail.getUint32(at, true) === EOCD_SIGNATURE) eocd = at;
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const count = tail.getUint16(eocd + 10, true);
  const directoryBytes = tail.getUint32(eocd + 12, true);
  const directoryStart = tail.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryStart === 0xffffffff) throw unreadable('ZIP64');
  const directory = await readBytes(zip, directoryStart, directoryStart + directoryBytes);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw unreadable('central directory');
    }
    const flags = directory.getUint16(at + 8, true);
    if (flags & 1) throw unreadable('encrypted');
    const nameLength = directory.getUint16(at + 28, true);
    const skip = nameLength + directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
    if (at + 46 + skip > directory.byteLength) throw unreadable('central directory');
    const name = new TextDecoder().decode(new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength));
    // Two entries of one name: which one is "the" file would depend on the reader.
    if (names.has(name)) throw new ArchiveError('archive-corrupt', `twice ${name}`);
    names.add(name);
    entries.push({
      name,
      method: directory.getUint16(at + 10, true),
      compressedSize: directory.getUint32(at + 20, true),
      declaredSize: directory.getUint32(at + 24, true),
      localHeaderOffset: directory.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Unzipped bytes still allowed for the whole archive; shared by the entries read one after another. */
export interface UnzipBudget {
  remaining: number;
}

/**
 * Inflates one entry. Throws archive-too-large as soon as the bytes that come out exceed the
 * budget, and archive-corrupt when the entry is not the size it declared.
 */
export async function readZipEntry(zip: Blob, entry: ZipEntry, budget: UnzipBudget): Promise<Uint8Array> {
  const local = await readBytes(zip, entry.localHeaderOffset, entry.localHeaderOffset + 30);
  if (local.getUint32(0, true) !== LOCAL_SIGNATURE) throw unreadable(`local header ${entry.name}`);
  const dataStart = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (entry.method !== 0 && entry.method !== 8) throw unreadable(`method ${entry.method} ${entry.name}`);

  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > budget.remaining) throw new ArchiveError('archive-too-large', entry.name);
    chunks.push(chunk);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  let start = dataStart;
  do {
    const end = Math.min(dataEnd, start + READ_BYTES);
    const slice = new Uint8Array((await readBytes(zip, start, end)).buffer);
    if (!inflater) take(slice);
    else {
      let at = 0;
      do {
        const piece = slice.subarray(at, at + INFLATE_BYTES);
        at += piece.length;
        try {
          inflater.push(piece, end === dataEnd && at === slice.length);
        } catch (error) {
          if (error instanceof ArchiveError) throw error;
          throw unreadable(`${entry.name}: ${String(error)}`);
        }
      } while (at < slice.length);
    }
    start = end;
  } while (start < dataEnd);
  if (size !== entry.declaredSize) throw new ArchiveError('archive-corrupt', `size of ${entry.name}`);
  budget.remaining -= size;
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

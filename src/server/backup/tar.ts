// A minimal POSIX tar (ustar) writer and reader for backups: regular files only, names under 100
// bytes. A backup is an ordinary .tar.gz that `tar -xzf` also opens by hand. File contents stream
// through both ways: only one 512-byte header and the current chunk are held in memory.

const BLOCK = 512;

/** Largest file a ustar header's 11 octal digits can describe (8 GiB - 1). */
export const TAR_MAX_FILE_BYTES = 8 * 1024 ** 3 - 1;

export class TarFormatError extends Error {}

function writeText(block: Buffer, offset: number, length: number, text: string) {
  block.write(text, offset, length, 'utf8');
}
const octal = (value: number, digits: number) => value.toString(8).padStart(digits, '0');

/** The 512-byte header announcing a regular file of `size` bytes. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) >= 100) throw new TarFormatError(`nom trop long pour l'archive : ${name}`);
  if (size < 0 || size > TAR_MAX_FILE_BYTES) throw new TarFormatError(`fichier trop grand : ${name}`);
  const block = Buffer.alloc(BLOCK);
  writeText(block, 0, 100, name);
  writeText(block, 100, 8, '0000644\0');
  writeText(block, 108, 8, '0000000\0');
  writeText(block, 116, 8, '0000000\0');
  writeText(block, 124, 12, `${octal(size, 11)}\0`);
  writeText(block, 136, 12, `${octal(Math.floor(mtime.getTime() / 1000), 11)}\0`);
  writeText(block, 148, 8, '        ');
  writeText(block, 156, 1, '0');
  writeText(block, 257, 8, 'ustar\x0000');
  let sum = 0;
  for (const byte of block) sum += byte;
  writeText(block, 148, 8, `${octal(sum, 6)}\0 `);
  return block;
}

/** Zeros after a file's last byte, up to the next 512-byte boundary. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The end of an archive: two zero blocks. */
export const TAR_END = Buffer.alloc(2 * BLOCK);

/** Reads exact byte counts from a stream of chunks, holding only what is not consumed yet. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    return true;
  }

  /** Exactly n bytes (n small), or null when the stream ends first. */
  async read(n: number): Promise<Buffer | null> {
    while (this.pending.length < n) if (!(await this.fill())) return null;
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  /** Hands over exactly n bytes in chunks as they come; false when the stream ends first. */
  async stream(n: number, onChunk: (chunk: Buffer) => Promise<void>): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.fill())) return false;
      const part = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(part.length);
      left -= part.length;
      await onChunk(part);
    }
    return true;
  }

  /** Reads whatever is left, so the decompressor below reaches its end and checks its checksum. */
  async drain(): Promise<void> {
    while (await this.fill()) this.pending = Buffer.alloc(0);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

function parseHeader(block: Buffer): TarEntry {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  const stored = Number.parseInt(block.toString('latin1', 148, 156).replace(/[\0 ]+$/, ''), 8);
  if (stored !== sum) throw new TarFormatError('en-tête de fichier abîmé (somme de contrôle)');
  const type = block.toString('latin1', 156, 157);
  if (type !== '0' && type !== '\0') throw new TarFormatError('entrée qui n’est pas un fichier ordinaire');
  const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
  const sizeText = block.toString('latin1', 124, 136).replace(/[\0 ]+$/, '');
  if (!/^[0-7]{1,11}$/.test(sizeText)) throw new TarFormatError('taille de fichier illisible');
  return { name, size: Number.parseInt(sizeText, 8) };
}

/** Where one entry's contents go: `write` per chunk, then `end`, or `abort` if reading fails midway. */
export interface TarEntrySink {
  write: (chunk: Buffer) => Promise<void>;
  end: () => Promise<void>;
  abort: () => Promise<void>;
}

/**
 * Reads an archive entry by entry: `onEntry` gets each file's name and size, and returns the
 * sink its contents are streamed to (in order, chunk by chunk). Throws TarFormatError on a
 * damaged header, and when the archive stops before its end (truncated); the entry being read
 * then gets `abort`, so it can close what it opened.
 */
export async function readTar(
  source: AsyncIterable<Buffer>,
  onEntry: (entry: TarEntry) => Promise<TarEntrySink>,
): Promise<void> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const block = await reader.read(BLOCK);
    if (!block) throw new TarFormatError('archive tronquée (pas de fin d’archive)');
    if (block.every((byte) => byte === 0)) return reader.drain();
    const entry = parseHeader(block);
    const sink = await onEntry(entry);
    try {
      if (!(await reader.stream(entry.size, sink.write)))
        throw new TarFormatError(`archive tronquée dans ${entry.name}`);
    } catch (error) {
      await sink.abort();
      throw error;
    }
    await sink.end();
    const padding = (BLOCK - (entry.size % BLOCK)) % BLOCK;
    if (padding && !(await reader.read(padding))) throw new TarFormatError('archive tronquée');
  }
}

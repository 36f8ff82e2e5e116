import { describe, expect, it } from 'vitest';
import { readTar, TAR_END, TarFormatError, tarHeader, tarPadding } from '../../../src/server/backup/tar';

async function* chunks(...parts: Buffer[]): AsyncIterable<Buffer> {
  for (const part of parts) yield part;
}

function entryLog() {
  const log: string[] = [];
  const onEntry = async (entry: { name: string }) => ({
    write: async (chunk: Buffer) => void log.push(`write ${entry.name} ${chunk.length}`),
    end: async () => void log.push(`end ${entry.name}`),
    abort: async () => void log.push(`abort ${entry.name}`),
  });
  return { log, onEntry };
}

describe('readTar', () => {
  it('hands each file over whole and ends it', async () => {
    const body = Buffer.from('bonjour');
    const { log, onEntry } = entryLog();
    await readTar(chunks(tarHeader('a.txt', body.length, new Date()), body, tarPadding(body.length), TAR_END), onEntry);
    expect(log).toEqual(['write a.txt 7', 'end a.txt']);
  });

  // A restore writes each entry to an open file: a truncated archive must let it close that file,
  // or the handle is left to the garbage collector (a warning on stderr, an fd held meanwhile).
  it('aborts the file it was writing when the archive stops inside it', async () => {
    const { log, onEntry } = entryLog();
    const header = tarHeader('photo', 1000, new Date());
    await expect(readTar(chunks(header, Buffer.alloc(300)), onEntry)).rejects.toBeInstanceOf(TarFormatError);
    expect(log).toEqual(['write photo 300', 'abort photo']);
  });

  it('aborts the file it was writing when the source fails inside it', async () => {
    const { log, onEntry } = entryLog();
    async function* failing(): AsyncIterable<Buffer> {
      yield tarHeader('photo', 1000, new Date());
      yield Buffer.alloc(100);
      throw Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    }
    await expect(readTar(failing(), onEntry)).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
    expect(log).toEqual(['write photo 100', 'abort photo']);
  });
});

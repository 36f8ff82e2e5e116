// One photo's bytes from the server, resumable: a download that was cut asks for the rest only
// (`Range: bytes=N-`; photos are immutable and named by their hash, so the rest is always of the
// same bytes). Bytes are appended to the caller's PartialDownload as they arrive, so whatever came
// before a cut is kept for the next try.
import { type HttpClient, networkError, SyncError, send, unexpectedError } from './http';
import type { PartialDownload } from './ports';

function forget(partial: PartialDownload): void {
  partial.chunks.length = 0;
  partial.received = 0;
}

/** Where the server's 206 answer starts (`Content-Range: bytes START-END/SIZE`), or null. */
function rangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-\d+\/\d+$/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : null;
}

async function request(client: HttpClient, hash: string, from: number): Promise<Response> {
  const headers: Record<string, string> = from > 0 ? { Range: `bytes=${from}-` } : {};
  return await send(client, 'GET', `/api/photos/${hash}`, undefined, { headers });
}

export async function downloadPhoto(client: HttpClient, hash: string, partial: PartialDownload): Promise<Blob> {
  let response: Response;
  try {
    response = await request(client, hash, partial.received);
  } catch (error) {
    // The bytes kept are not a start of this photo (416: past its end): start again from byte 0.
    if (!(error instanceof SyncError && error.status === 416)) throw error;
    forget(partial);
    response = await request(client, hash, 0);
  }
  if (response.status === 206) {
    if (rangeStart(response) !== partial.received) {
      forget(partial);
      await response.body?.cancel();
      throw unexpectedError(`GET photo range`);
    }
  } else forget(partial); // the whole photo is coming (a server or proxy that ignores Range)

  const type = response.headers.get('content-type') ?? 'image/jpeg';
  if (!response.body) return new Blob(partial.chunks as BlobPart[], { type });
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      partial.chunks.push(value);
      partial.received += value.byteLength;
    }
  } catch {
    throw networkError(); // cut while the photo was arriving: what came is kept in `partial`
  }
  return new Blob(partial.chunks as BlobPart[], { type });
}

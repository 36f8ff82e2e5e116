// The UI thread's side of the photo worker: sends the chosen files one by one (a phone has little
// memory for several decoded 12-megapixel images) and reports each result as soon as it is ready,
// so the caller can store it at once and a later failure loses nothing already processed.
import { PHOTO_JPEG_QUALITY, PHOTO_THUMB_LONG_SIDE_PX } from '../shared/constants';
import type { PhotoJob, PhotoJobResult } from './messages';

export type PhotoOutcome = PhotoJobResult & { file: File };

function startWorker(): Worker {
  return new Worker(new URL('./photoWorker.ts', import.meta.url), { type: 'module' });
}

function run(worker: Worker, job: PhotoJob): Promise<PhotoJobResult> {
  return new Promise((resolve) => {
    const done = (result: PhotoJobResult) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(result);
    };
    const onMessage = (event: MessageEvent<PhotoJobResult>) => {
      if (event.data.jobId === job.jobId) done(event.data);
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      done({ jobId: job.jobId, ok: false, error: 'worker-failed' });
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(job);
  });
}

/**
 * Processes `files` in order, awaiting `onResult` for each before the next starts (it stores the
 * photo). Each photo's processing time is recorded as a `terrain:photo` performance measure.
 */
export async function processPhotos(
  files: readonly File[],
  maxLongSidePx: number,
  onResult: (outcome: PhotoOutcome, index: number) => Promise<void> | void,
  { keepTransparency = false }: { keepTransparency?: boolean } = {},
): Promise<void> {
  let worker: Worker | null = null;
  try {
    for (const [index, file] of files.entries()) {
      worker ??= startWorker();
      const started = performance.now();
      const result = await run(worker, {
        jobId: index,
        file,
        maxLongSidePx,
        quality: PHOTO_JPEG_QUALITY,
        thumbLongSidePx: PHOTO_THUMB_LONG_SIDE_PX,
        keepTransparency,
      });
      performance.measure('terrain:photo', { start: started, detail: result.ok ? result.photo.bytes : null });
      if (!result.ok && result.error === 'worker-failed') {
        // A crashed worker cannot take the next file: start a fresh one.
        worker.terminate();
        worker = null;
      }
      await onResult({ ...result, file }, index);
    }
  } finally {
    worker?.terminate();
  }
}

// Builds a Word or PDF report off the main thread: starts a Worker for the request, relays its
// progress and resolves with the document's bytes. The Worker ends with the request, so its
// memory (a hundred photos) is given back at once.
import type { ProgressListener } from '../bundle';
import type { ReportMessage, ReportRequest } from './protocol';

export function buildReportInWorker(request: ReportRequest, onProgress?: ProgressListener): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./reportWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ReportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress?.(message.done, message.total);
      worker.terminate();
      if (message.type === 'done') resolve(message.bytes);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'report-worker-failed'));
    };
    worker.postMessage(request);
  });
}

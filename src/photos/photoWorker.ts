// The photo worker's entry: one job at a time, answered with the processed photo or a named error.
import type { PhotoJob, PhotoJobResult } from './messages';
import { PhotoError, processPhoto } from './processPhoto';

self.onmessage = async (event: MessageEvent<PhotoJob>) => {
  const { jobId, ...job } = event.data;
  let result: PhotoJobResult;
  try {
    result = { jobId, ok: true, photo: await processPhoto(job) };
  } catch (error) {
    result = { jobId, ok: false, error: error instanceof PhotoError ? error.code : 'corrupt-image' };
  }
  self.postMessage(result);
};

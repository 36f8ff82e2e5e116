// Sends a produced file with the phone's share sheet (WhatsApp, e-mail, Drive…) through the Web
// Share API, where the browser can share that kind of file; elsewhere the caller offers a download.
import type { ExportFile } from './exports';

/** The file as the share sheet takes it, or null when this browser cannot share it. */
export function shareableFile(file: ExportFile): File | null {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function') return null;
  if (typeof navigator.canShare !== 'function') return null;
  const shared = new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.mime.split(';')[0] });
  try {
    return navigator.canShare({ files: [shared] }) ? shared : null;
  } catch {
    // Some browsers throw instead of answering false for a type they do not share.
    return null;
  }
}

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

export async function shareFile(file: File): Promise<ShareOutcome> {
  try {
    await navigator.share({ files: [file], title: file.name });
    return 'shared';
  } catch (error) {
    // The person closed the share sheet: nothing to report.
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    console.error('Terrain: share failed', error);
    return 'failed';
  }
}

// What sync is doing right now, as words for the status line: a catalogue key of the `sync`
// namespace and its values. Pure, so the wording rules are tested without a browser.
import type { SyncPhase, SyncProgress } from '../../../sync/status';
import { formatBytes } from '../../format';

export interface SyncActivityText {
  key:
    | 'status.pushing'
    | 'status.preparingChanges'
    | 'status.pulling'
    | 'status.uploadingPhotos'
    | 'status.preparingPhotos'
    | 'status.downloadingPhotos';
  values?: Record<string, string | number>;
}

/**
 * The line for a running sync, or null when idle. A step announces its phase before it knows its
 * totals (the photo upload first asks the server which photos it lacks, which is long on 2G), and
 * a new phase starts with zeroed counters: until a total is known the line has no figures, so it
 * never reads "0 o / 0 o" or "0/0".
 */
export function syncActivity(phase: SyncPhase, progress: SyncProgress): SyncActivityText | null {
  switch (phase) {
    case 'pushing':
      return progress.mutationsTotal > 0
        ? { key: 'status.pushing', values: { sent: progress.mutationsSent, total: progress.mutationsTotal } }
        : { key: 'status.preparingChanges' };
    case 'pulling':
      return { key: 'status.pulling' };
    case 'uploading-photos':
      return progress.photosTotal > 0 && progress.photoBytesTotal > 0
        ? {
            key: 'status.uploadingPhotos',
            values: {
              sent: progress.photosSent,
              total: progress.photosTotal,
              bytesSent: formatBytes(progress.photoBytesSent),
              bytesTotal: formatBytes(progress.photoBytesTotal),
            },
          }
        : { key: 'status.preparingPhotos' };
    case 'downloading-photos':
      return { key: 'status.downloadingPhotos' };
    default:
      return null;
  }
}

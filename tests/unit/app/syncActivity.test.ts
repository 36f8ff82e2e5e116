// The status line's words for a running sync. A photo upload once read "Envoi des photos 0 o / 0 o":
// the upload step announces its phase (which resets the counters) before it has asked the server
// which photos it lacks, so for the whole of that request, long on 2G, both totals were zero.
import { describe, expect, it } from 'vitest';
import { syncActivity } from '../../../src/app/components/shell/syncActivity';
import { sync as fr } from '../../../src/app/i18n/fr/sync';
import { createSyncStatusStore, type SyncPhase, type SyncProgress } from '../../../src/sync/status';

/** The French line, as i18next would write it (plain {{name}} interpolation). */
function french(phase: SyncPhase, progress: SyncProgress): string | null {
  const text = syncActivity(phase, progress);
  if (!text) return null;
  const template = fr.status[text.key.replace('status.', '') as keyof typeof fr.status];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(text.values?.[name]));
}

describe('the status line while sync runs', () => {
  it('never shows empty totals while the photo upload is asking the server what it lacks', () => {
    const status = createSyncStatusStore();
    status.update({ phase: 'uploading-photos' });
    const line = french(status.get().phase, status.get().progress);
    expect(line).not.toMatch(/\b0 o\b/);
    expect(line).not.toMatch(/0\s*\/\s*0/);
    expect(line).toBe('Envoi des photos…');
  });

  it('counts photos, then bytes, once the upload knows what it sends', () => {
    const status = createSyncStatusStore();
    status.update({ phase: 'uploading-photos' });
    status.progress({ photosSent: 2, photosTotal: 5, photoBytesSent: 1_258_291, photoBytesTotal: 3_565_158 });
    expect(french(status.get().phase, status.get().progress)).toBe('Envoi des photos 2/5 (1,2 Mo / 3,4 Mo)');
  });

  it('says "Envoi des modifications…" before the batch size is known, never 0/0', () => {
    const status = createSyncStatusStore();
    status.update({ phase: 'pushing' });
    expect(french(status.get().phase, status.get().progress)).toBe('Envoi des modifications…');
    status.progress({ mutationsSent: 3, mutationsTotal: 12 });
    expect(french(status.get().phase, status.get().progress)).toBe('Envoi des modifications 3/12');
  });

  it('says nothing when idle', () => {
    const status = createSyncStatusStore();
    expect(syncActivity(status.get().phase, status.get().progress)).toBeNull();
  });
});

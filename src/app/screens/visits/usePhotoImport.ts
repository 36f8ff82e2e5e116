// Chosen files -> stored photos: each file is processed in the worker and stored as soon as it is
// ready, so a broken file or a full disk later in the batch loses none of the photos before it.
import { useCallback, useState } from 'react';
import { isQuotaError } from '../../../db/errors';
import { addNotePhoto } from '../../../db/repositories/photos';
import type { PhotoErrorCode } from '../../../photos/messages';
import { processPhotos } from '../../../photos/processPhotos';
import type { VisitNote } from '../../../shared/model';

export interface PhotoImportError {
  name: string;
  code: PhotoErrorCode | 'saveFailed' | 'quota';
}

export function usePhotoImport(note: Pick<VisitNote, 'id' | 'missionId'>, maxLongSidePx: number, onDone: () => void) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<PhotoImportError[]>([]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const found: PhotoImportError[] = [];
      let full = false;
      setErrors([]);
      setProgress({ done: 0, total: files.length });
      try {
        await processPhotos(files, maxLongSidePx, async (outcome, index) => {
          if (full) return;
          if (!outcome.ok) found.push({ name: outcome.file.name, code: outcome.error });
          else {
            try {
              await addNotePhoto(note.missionId, note.id, outcome.photo);
            } catch (error) {
              full = isQuotaError(error);
              found.push({ name: outcome.file.name, code: full ? 'quota' : 'saveFailed' });
            }
          }
          setProgress({ done: index + 1, total: files.length });
          setErrors([...found]);
        });
      } finally {
        setProgress(null);
        onDone();
      }
    },
    [note.id, note.missionId, maxLongSidePx, onDone],
  );

  return { progress, errors, importFiles, dismissErrors: () => setErrors([]) };
}

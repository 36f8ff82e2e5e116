// One export at a time: its progress while it is built, then an object URL to download the file
// (revoked when a new file replaces it or the screen closes, so memory is given back).
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ExportFile, type ExportRequest, MissionNotFound, produceExport } from './exports';

export type ExportJob =
  | { status: 'idle' }
  | { status: 'busy'; kind: ExportRequest['kind']; done: number; total: number }
  | { status: 'done'; file: ExportFile; url: string }
  | { status: 'failed'; reason: 'noMission' | 'failed' };

export function useExportJob() {
  const [job, setJob] = useState<ExportJob>({ status: 'idle' });
  const urlRef = useRef<string | null>(null);

  const releaseUrl = useCallback(() => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  }, []);
  useEffect(() => releaseUrl, [releaseUrl]);

  async function run(request: Omit<ExportRequest, 'onProgress'>): Promise<ExportFile | null> {
    releaseUrl();
    setJob({ status: 'busy', kind: request.kind, done: 0, total: 1 });
    try {
      const file = await produceExport({
        ...request,
        onProgress: (done, total) => setJob({ status: 'busy', kind: request.kind, done, total }),
      });
      const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
      urlRef.current = url;
      setJob({ status: 'done', file, url });
      return file;
    } catch (error) {
      console.error('Terrain: export failed', error);
      setJob({ status: 'failed', reason: error instanceof MissionNotFound ? 'noMission' : 'failed' });
      return null;
    }
  }

  return { job, run };
}

// What the report worker does with a request: build the document and post progress, then the
// bytes (transferred, not copied) or the failure. Kept apart from the Worker glue to be testable.
// Each builder is loaded when its kind is asked for (separate chunks): a Word export does not
// download nor parse the PDF engine, and the other way round.
import type { BuildOptions, MissionBundle } from '../bundle';
import { bundleFromData } from '../bundle';
import type { ReportKind, ReportMessage, ReportRequest } from './protocol';

type Builder = (bundle: MissionBundle, options: BuildOptions) => Promise<Uint8Array>;

const BUILDERS: Record<ReportKind, () => Promise<Builder>> = {
  docx: async () => (await import('../docx')).buildDocx,
  pdf: async () => (await import('../pdf')).buildPdf,
};

export async function handleReportRequest(
  request: ReportRequest,
  post: (message: ReportMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  try {
    const build = await BUILDERS[request.kind]();
    const bytes = await build(bundleFromData(request.data), {
      noteStates: request.noteStates,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

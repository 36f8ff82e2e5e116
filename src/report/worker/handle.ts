// What the report worker does with a request: build the document and post progress, then the
// bytes (transferred, not copied) or the failure. Kept apart from the Worker glue to be testable.
import { bundleFromData } from '../bundle';
import { buildDocx } from '../docx';
import { buildPdf } from '../pdf';
import type { ReportMessage, ReportRequest } from './protocol';

export async function handleReportRequest(
  request: ReportRequest,
  post: (message: ReportMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  try {
    const build = request.kind === 'pdf' ? buildPdf : buildDocx;
    const bytes = await build(bundleFromData(request.data), {
      noteStates: request.noteStates,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

// What each export button produces: the file's name, type and bytes. The builders (not the small
// data loader and file names, which the report screen uses anyway) are imported only here, on demand, so none of them weighs on a screen until the user asks for a file; the
// Word and PDF reports are built in a Worker (pdfmake would otherwise freeze the page).
import * as repo from '../../../db/repositories/reportBundle';
import type { ProgressListener } from '../../../report/bundle';
import * as names from '../../../report/fileNames';
import { ARCHIVE_MIME, CSV_MIME, DOCX_MIME, PDF_MIME, XLSX_MIME } from '../../../report/mime';
import type { SheetName } from '../../../report/sheets/names';
import type { NoteState } from '../../../shared/model';

export type ExportKind = 'docx' | 'pdf' | 'csv' | 'xlsx' | 'archive';

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface ExportRequest {
  missionId: string;
  kind: ExportKind;
  noteStates: NoteState[];
  sheet: SheetName;
  onProgress: ProgressListener;
}

export class MissionNotFound extends Error {}

export async function produceExport(request: ExportRequest): Promise<ExportFile> {
  const { missionId, kind, noteStates, onProgress } = request;
  if (kind === 'archive') {
    const [data, { exportArchive }] = await Promise.all([
      repo.loadMissionArchiveData(missionId),
      import('../../../report/archive/exportArchive'),
    ]);
    if (!data) throw new MissionNotFound();
    const title = (data.tables.missions[0] as { title: string }).title;
    return { name: names.archiveFileName(title), mime: ARCHIVE_MIME, bytes: await exportArchive(data, { onProgress }) };
  }
  const data = await repo.loadMissionBundleData(missionId);
  if (!data) throw new MissionNotFound();
  const title = data.mission.title;
  if (kind === 'docx' || kind === 'pdf') {
    const { buildReportInWorker } = await import('../../../report/worker/client');
    const bytes = await buildReportInWorker({ kind, data, noteStates }, onProgress);
    return { name: names.reportFileName(title, kind), mime: kind === 'pdf' ? PDF_MIME : DOCX_MIME, bytes };
  }
  const { bundleFromData } = await import('../../../report/bundle');
  const bundle = bundleFromData(data);
  if (kind === 'csv') {
    const { buildCsv } = await import('../../../report/sheets/csv');
    return {
      name: names.csvFileName(title, request.sheet),
      mime: CSV_MIME,
      bytes: buildCsv(bundle, request.sheet, { noteStates }),
    };
  }
  const { buildXlsx } = await import('../../../report/sheets/xlsx');
  return { name: names.xlsxFileName(title), mime: XLSX_MIME, bytes: await buildXlsx(bundle, { noteStates }) };
}

// Imports a mission received as an archive (from a USB stick or a messaging app, no server): every
// record is checked against its schema first, then all are merged in ONE transaction with their
// outbox rows and the photo bytes, so an import is complete or has not happened at all.
// Merge rule (per record, in mutations.ts): ours stays when it is as new or newer.
import { type Photo, type RecordOf, recordSchemas } from '../../shared/model';
import { mergeImportedRecord } from '../mutations';
import { db } from '../schema';
import { ARCHIVED_TABLES, type ArchivedTable } from './reportBundle';

export interface ImportInput {
  missionId: string;
  /** Records by table name, as read from the archive (not trusted yet). */
  tables: Record<string, unknown[]>;
  /** Photo bytes by content hash (already checked against the hash by the archive reader). */
  photos: Map<string, { bytes: Blob; thumb: Blob | null }>;
}

export interface ImportSummary {
  added: number;
  updated: number;
  kept: number;
  photosAdded: number;
}

export type ImportResult =
  | ({ ok: true } & ImportSummary)
  | { ok: false; error: 'archive-invalid-record'; detail: string };

type Parsed = { table: ArchivedTable; record: RecordOf<ArchivedTable> }[];

function validate(input: ImportInput): Parsed | string {
  const out: Parsed = [];
  for (const name of Object.keys(input.tables)) {
    if (!(ARCHIVED_TABLES as string[]).includes(name)) return `unknown table ${name}`;
  }
  for (const table of ARCHIVED_TABLES) {
    for (const [index, raw] of (input.tables[table] ?? []).entries()) {
      const parsed = recordSchemas[table].safeParse(raw);
      if (!parsed.success)
        return `${table}[${index}]: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
      if (parsed.data.missionId !== input.missionId) return `${table}[${index}]: another mission`;
      out.push({ table, record: parsed.data });
    }
  }
  const missions = out.filter((r) => r.table === 'missions');
  if (missions.length !== 1 || missions[0].record.id !== input.missionId) return 'missions: the mission is missing';
  return out;
}

export async function applyMissionArchive(input: ImportInput): Promise<ImportResult> {
  const records = validate(input);
  if (typeof records === 'string') return { ok: false, error: 'archive-invalid-record', detail: records };
  const photoRecords = records.flatMap((r) => (r.table === 'photos' ? [r.record as Photo] : []));
  const mimeOf = new Map(photoRecords.map((p) => [p.hash, p.mime]));
  const summary: ImportSummary = { added: 0, updated: 0, kept: 0, photosAdded: 0 };
  const tables = [...ARCHIVED_TABLES.map((t) => db.table(t)), db.photoBlobs, db.outbox];
  await db.transaction('rw', tables, async () => {
    for (const { table, record } of records) {
      summary[await mergeImportedRecord(table, record as never)] += 1;
    }
    for (const [hash, photo] of input.photos) {
      const stored = await db.photoBlobs.get(hash);
      if (stored) {
        // The server holds a photo per mission: confirmed (and sent if need be) for this one too.
        if (stored.uploaded === 1) await db.photoBlobs.update(hash, { uploaded: 0 });
        continue;
      }
      const type = mimeOf.get(hash) ?? 'image/jpeg';
      const blob = new Blob([photo.bytes], { type });
      const thumb = photo.thumb ? new Blob([photo.thumb], { type }) : blob;
      await db.photoBlobs.add({ hash, blob, thumb, uploaded: 0 });
      summary.photosAdded += 1;
    }
  });
  return { ok: true, ...summary };
}

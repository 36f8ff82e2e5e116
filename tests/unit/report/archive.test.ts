// The mission archive: exported from one device, imported into another with no server.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { report as frReport } from '../../../src/app/i18n/fr/report';
import { loadMissionArchiveData } from '../../../src/db/repositories/reportBundle';
import { db } from '../../../src/db/schema';
import { exportArchive } from '../../../src/report/archive/exportArchive';
import { ArchiveError } from '../../../src/report/archive/format';
import { importArchive } from '../../../src/report/archive/importArchive';
import { readArchive } from '../../../src/report/archive/readArchive';
import { ARCHIVE_MAX_UNZIPPED_BYTES } from '../../../src/shared/constants';
import type { VisitNote } from '../../../src/shared/model';
import { type DemoMission, demoMission } from '../../fixtures/reportBundle';

const RECORD_TABLES = [
  'missions',
  'tdrRevisions',
  'participants',
  'communes',
  'visitNotes',
  'photos',
  'actionPoints',
] as const;

async function clearDevice() {
  await Promise.all(db.tables.map((t) => t.clear()));
}

/** Puts the demo mission on "this device" as if it had been typed here (test setup). */
async function seed(demo: DemoMission) {
  await db.missions.add(demo.mission);
  if (demo.tdr) await db.tdrRevisions.add(demo.tdr);
  await db.participants.bulkAdd(demo.participants);
  await db.communes.bulkAdd(demo.communes);
  await db.visitNotes.bulkAdd(demo.notes);
  await db.photos.bulkAdd(demo.photos);
  await db.actionPoints.bulkAdd(demo.actionPoints);
  for (const [hash, bytes] of demo.blobs) {
    const photo = bytes as Uint8Array<ArrayBuffer>;
    await db.photoBlobs.add({ hash, blob: new Blob([photo]), thumb: new Blob([photo.subarray(0, 100)]), uploaded: 1 });
  }
}

async function exportDemo(demo: DemoMission) {
  await seed(demo);
  const data = await loadMissionArchiveData(demo.mission.id);
  if (!data) throw new Error('mission not found');
  return exportArchive(data);
}

async function snapshot() {
  const tables = Object.fromEntries(
    await Promise.all(RECORD_TABLES.map(async (t) => [t, await db.table(t).orderBy('id').toArray()] as const)),
  );
  const blobs = await db.photoBlobs.toArray();
  return { tables, blobs: blobs.map((b) => b.hash).sort() };
}

async function refusal(bytes: Uint8Array): Promise<ArchiveError> {
  const error = await importArchive(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

/**
 * Rewrites the unzipped size a ZIP declares for one file, in its local header and in the central
 * directory, as a hostile archive would (its content is left as it is).
 */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const nameAt = (at: number) => Buffer.from(out.subarray(at, at + nameBytes.length)).equals(nameBytes);
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && nameAt(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && nameAt(at + 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}

beforeEach(clearDevice);

describe('the mission archive', () => {
  it('brings every record and byte-identical photos to a fresh device', async () => {
    const demo = demoMission();
    const archive = await exportDemo(demo);
    const before = await snapshot();
    await clearDevice();

    const outcome = await importArchive(archive);

    expect(outcome).toMatchObject({
      missionId: demo.mission.id,
      missionTitle: demo.mission.title,
      kept: 0,
      updated: 0,
    });
    expect(await snapshot()).toEqual(before);
    for (const [hash, bytes] of demo.blobs) {
      const stored = await db.photoBlobs.get(hash);
      expect(new Uint8Array(await (stored?.blob.arrayBuffer() ?? new ArrayBuffer(0)))).toEqual(bytes);
      expect(new Uint8Array(await (stored?.thumb.arrayBuffer() ?? new ArrayBuffer(0)))).toEqual(bytes.subarray(0, 100));
    }
  });

  it('lists every file with its SHA-256 in a manifest of our format', async () => {
    const entries = unzipSync(await exportDemo(demoMission()));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest).toMatchObject({ format: 'terrain-mission-archive', version: 1 });
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      Object.keys(entries)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    expect(manifest.files.filter((f: { path: string }) => f.path.startsWith('photos/'))).toHaveLength(6);
  });

  it('queues the imported records for the server, so they sync later', async () => {
    const archive = await exportDemo(demoMission());
    await clearDevice();
    const outcome = await importArchive(archive);
    expect(await db.outbox.count()).toBe(outcome.added);
    expect(outcome.photosAdded).toBe(6);
    expect((await db.photoBlobs.toArray()).every((b) => b.uploaded === 0)).toBe(true);
  });

  it('doubles nothing when the same archive is imported twice', async () => {
    const archive = await exportDemo(demoMission());
    await clearDevice();
    await importArchive(archive);
    const once = await snapshot();
    const outbox = await db.outbox.count();

    const second = await importArchive(archive);

    expect(second).toMatchObject({ added: 0, updated: 0, photosAdded: 0 });
    expect(await snapshot()).toEqual(once);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('keeps this device’s newer edit and takes the archive’s newer one', async () => {
    const demo = demoMission();
    const archive = await exportDemo(demo);
    const [noteA, noteB] = demo.notes;
    // After the export, this device edits note A; the archive's copy of note B is newer than ours.
    await db.visitNotes.update(noteA.id, {
      observations: 'Modifié ici, plus tard',
      updatedAt: '2999-01-01T00:00:00.000Z',
    });
    await db.visitNotes.update(noteB.id, { observations: 'Ancienne version', updatedAt: '2000-01-01T00:00:00.000Z' });

    const outcome = await importArchive(archive);

    expect((await db.visitNotes.get(noteA.id))?.observations).toBe('Modifié ici, plus tard');
    expect((await db.visitNotes.get(noteB.id))?.observations).toBe(noteB.observations);
    expect(outcome.updated).toBe(1);
    const queued = await db.outbox.where('[table+recordId]').equals(['visitNotes', noteB.id]).toArray();
    expect(queued.map((q) => q.changes.observations)).toEqual([noteB.observations]);
  });

  it('refuses an archive with one byte changed, and imports nothing', async () => {
    const archive = await exportDemo(demoMission());
    await clearDevice();
    const entries = unzipSync(archive);
    const photo = Object.keys(entries).find((p) => p.startsWith('photos/')) as string;
    // Find the photo's bytes in the ZIP (stored as they are) and change one of them.
    const at = Buffer.from(archive).indexOf(Buffer.from(entries[photo].subarray(200, 240))) + 10;
    expect(at).toBeGreaterThan(10);
    const tampered = archive.slice();
    tampered[at] ^= 0xff;

    expect((await refusal(tampered)).code).toBe('archive-corrupt');
    expect(await snapshot()).toEqual({ tables: Object.fromEntries(RECORD_TABLES.map((t) => [t, []])), blobs: [] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a ZIP that is not a Terrain archive, and a file that is not a ZIP', async () => {
    expect((await refusal(zipSync({ 'notes.txt': strToU8('bonjour') }))).code).toBe('archive-foreign');
    expect((await refusal(strToU8('%PDF-1.7 pas une archive'))).code).toBe('archive-unreadable');
    expect(await db.missions.count()).toBe(0);
  });

  it('refuses, before inflating it, an archive that unzips to more than the limit (a ZIP bomb)', async () => {
    // 64 KB of zeros compress to a few hundred bytes: the declared size is what is checked.
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'photos/zeros.bin': new Uint8Array(64 * 1024) });
    expect(bomb.length).toBeLessThan(2048);
    const error = await readArchive(bomb, 32 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('archive-too-large');
    const withinLimit = await readArchive(bomb, 128 * 1024).catch((e: unknown) => e);
    expect((withinLimit as ArchiveError).code).toBe('archive-foreign');
  });

  it('refuses, from what it declares and before inflating anything, an archive over 300 MB once unzipped', async () => {
    expect(ARCHIVE_MAX_UNZIPPED_BYTES).toBe(300 * 1024 * 1024);
    const archive = await exportDemo(demoMission());
    await clearDevice();
    // The archive's own data claims 301 MB: refused, whatever it really holds.
    const claimed = declareSize(archive, 'mission.json', 301 * 1024 * 1024);
    const error = await refusal(claimed);
    expect(error.code).toBe('archive-too-large');
    expect(frReport.archive.errors['archive-too-large']).toContain('{{maxMegabytes}} Mo');
    expect(await db.missions.count()).toBe(0);
  });

  it('refuses an archive whose files inflate past the sizes it declares (a lying ZIP bomb)', async () => {
    // A real archive whose mission.json is 4 MB of zeros (a few KB compressed) said to be 100 bytes;
    // the limit leaves 1 MB above what the archive declares in all.
    const entries = unzipSync(await exportDemo(demoMission()));
    entries['mission.json'] = new Uint8Array(4 * 1024 * 1024);
    const bomb = declareSize(zipSync(entries), 'mission.json', 100);
    const declared = Object.entries(entries).reduce(
      (sum, [name, b]) => sum + (name === 'mission.json' ? 100 : b.length),
      0,
    );
    const error = await readArchive(bomb, declared + 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('archive-too-large');
  });

  it('refuses a file that is bigger or smaller than its ZIP entry says, even within the limit', async () => {
    const archive = await exportDemo(demoMission());
    await clearDevice();
    expect((await refusal(declareSize(archive, 'mission.json', 10))).code).toBe('archive-corrupt');
  });

  it('imports straight from the chosen file (a Blob), entry by entry', async () => {
    const demo = demoMission();
    const archive = await exportDemo(demo);
    await clearDevice();
    const outcome = await importArchive(new Blob([archive as Uint8Array<ArrayBuffer>]));
    expect(outcome).toMatchObject({ missionId: demo.mission.id, photosAdded: 6 });
  });

  it('refuses an archive made by a newer version of the app', async () => {
    const entries = unzipSync(await exportDemo(demoMission()));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    entries['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 2 }));
    expect((await refusal(zipSync(entries))).code).toBe('archive-version');
  });

  it('refuses a file added to the archive after it was made', async () => {
    const entries = unzipSync(await exportDemo(demoMission()));
    entries['photos/extra.jpg'] = strToU8('not listed');
    expect((await refusal(zipSync(entries))).code).toBe('archive-corrupt');
  });

  it('refuses, whole, an archive with one invalid record even when its hashes are right', async () => {
    const demo = demoMission();
    const entries = unzipSync(await exportDemo(demo));
    await clearDevice();
    const data = JSON.parse(new TextDecoder().decode(entries['mission.json']));
    (data.tables.visitNotes as VisitNote[])[1].state = 'inconnu' as VisitNote['state'];
    entries['mission.json'] = strToU8(JSON.stringify(data));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', entries['mission.json'])).toString('hex');
    manifest.files = manifest.files.map((f: { path: string }) =>
      f.path === 'mission.json' ? { ...f, sha256: hash } : f,
    );
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));

    const error = await refusal(zipSync(entries));

    expect(error.code).toBe('archive-invalid-record');
    expect(error.detail).toContain('visitNotes[1]');
    expect(await db.missions.count()).toBe(0);
    expect(await db.photoBlobs.count()).toBe(0);
  });
});
